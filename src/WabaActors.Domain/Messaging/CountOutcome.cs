namespace WabaActors.Domain.Messaging;

/// <summary>What <see cref="TemplateRecipients.TryCount"/> did.</summary>
public enum CountOutcome
{
    /// <summary>The customer was already counted in the rolling period: no new slot used.</summary>
    AlreadyCounted,

    /// <summary>A new slot was used.</summary>
    Counted,

    /// <summary>The limit is reached: nothing counted.</summary>
    LimitReached,
}
