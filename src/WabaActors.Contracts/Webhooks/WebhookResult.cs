namespace WabaActors.Contracts.Webhooks;

/// <summary>What an account did with a webhook change.</summary>
[GenerateSerializer, Alias("waba.WebhookResult")]
public enum WebhookResult
{
    /// <summary>The change was applied and stored.</summary>
    Applied,

    /// <summary>The change was stored as seen; the account was already in that state, or the value changes nothing (PENDING).</summary>
    Unchanged,

    /// <summary>The same change was applied before (a redelivery): nothing changed.</summary>
    Duplicate,

    /// <summary>No account was ever created with this WABA id: nothing was stored.</summary>
    UnknownAccount,
}
