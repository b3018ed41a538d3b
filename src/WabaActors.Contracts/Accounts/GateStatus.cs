namespace WabaActors.Contracts.Accounts;

/// <summary>The account's status as its numbers need it (<see cref="AccountGate.Status"/>).</summary>
[GenerateSerializer, Alias("waba.GateStatus")]
public enum GateStatus
{
    /// <summary>Onboarding not finished: no number registered, nothing may be sent.</summary>
    Onboarding,

    /// <summary>Live: the account may send (unless held for the review or restricted).</summary>
    Live,

    /// <summary>Rejected by the commerce-policy review or disabled by Meta: nothing may be sent.</summary>
    Blocked,

    /// <summary>Deleted, unshared or offboarded on Meta's side: nothing may be sent until it reconnects.</summary>
    Disconnected,
}
