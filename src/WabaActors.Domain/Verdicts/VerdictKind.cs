namespace WabaActors.Domain.Verdicts;

/// <summary>What Meta said of a customer that holds later marketing templates. Stored as a small integer: the values never change.</summary>
public enum VerdictKind : byte
{
    /// <summary>131049: Meta's per-user marketing limit; marketing templates outside the window wait 24 h.</summary>
    MarketingLimited = 1,

    /// <summary>131050, or <c>user_preferences</c> <c>stop</c>: marketing templates stop until a resume.</summary>
    MarketingStopped = 2,

    /// <summary><c>user_preferences</c> <c>resume</c>: marketing templates go again.</summary>
    MarketingResumed = 3,
}
