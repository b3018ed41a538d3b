namespace WabaActors.Domain.Onboarding;

/// <summary>
/// The <c>account_update</c> events that say whether Meta still lets the WABA send through this
/// partner (the restriction and ban events have their own paths), and the policy-violation warning.
/// </summary>
public enum MetaAccountEvent
{
    /// <summary><c>ACCOUNT_DELETED</c>: the WABA is gone.</summary>
    AccountDeleted,

    /// <summary><c>PARTNER_REMOVED</c>: the business unshared the WABA with the partner.</summary>
    PartnerRemoved,

    /// <summary><c>PARTNER_APP_UNINSTALLED</c>: the business revoked the partner app's permissions.</summary>
    PartnerAppUninstalled,

    /// <summary><c>ACCOUNT_OFFBOARDED</c>: a coexistence number left the Cloud API; sending is suspended.</summary>
    AccountOffboarded,

    /// <summary><c>ACCOUNT_RECONNECTED</c>: an offboarded account is back.</summary>
    AccountReconnected,

    /// <summary><c>PARTNER_ADDED</c>: the WABA is shared with the partner (again).</summary>
    PartnerAdded,

    /// <summary><c>PARTNER_APP_INSTALLED</c>: the partner app's permissions are granted (again).</summary>
    PartnerAppInstalled,

    /// <summary><c>ACCOUNT_VIOLATION</c>: a policy violation; a warning kept in the history, not a block.</summary>
    AccountViolation,
}

public static class MetaAccountEvents
{
    /// <summary>Meta's <c>event</c> value (any case) → the event; null when it is not one of these.</summary>
    public static MetaAccountEvent? Parse(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "ACCOUNT_DELETED" => MetaAccountEvent.AccountDeleted,
        "PARTNER_REMOVED" => MetaAccountEvent.PartnerRemoved,
        "PARTNER_APP_UNINSTALLED" => MetaAccountEvent.PartnerAppUninstalled,
        "ACCOUNT_OFFBOARDED" => MetaAccountEvent.AccountOffboarded,
        "ACCOUNT_RECONNECTED" => MetaAccountEvent.AccountReconnected,
        "PARTNER_ADDED" => MetaAccountEvent.PartnerAdded,
        "PARTNER_APP_INSTALLED" => MetaAccountEvent.PartnerAppInstalled,
        "ACCOUNT_VIOLATION" => MetaAccountEvent.AccountViolation,
        _ => null,
    };

    /// <summary>Events after which the WABA can no longer send through this partner.</summary>
    public static bool Disconnects(this MetaAccountEvent e) =>
        e is MetaAccountEvent.AccountDeleted or MetaAccountEvent.PartnerRemoved
            or MetaAccountEvent.PartnerAppUninstalled or MetaAccountEvent.AccountOffboarded;

    /// <summary>Events that end a disconnection.</summary>
    public static bool Reconnects(this MetaAccountEvent e) =>
        e is MetaAccountEvent.AccountReconnected or MetaAccountEvent.PartnerAdded or MetaAccountEvent.PartnerAppInstalled;
}

/// <summary>Since when, and by which event, Meta disconnected the account.</summary>
public sealed record Disconnection(MetaAccountEvent Event, DateTimeOffset Since);
