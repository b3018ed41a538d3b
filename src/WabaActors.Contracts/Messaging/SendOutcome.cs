namespace WabaActors.Contracts.Messaging;

/// <summary>What Meta said of a send: a delivery status, and for a failure its error code.</summary>
[GenerateSerializer, Alias("waba.OutcomeStatus")]
public enum OutcomeStatus
{
    Sent,
    Delivered,
    Read,
    Failed,
}

/// <summary>
/// Meta's verdict on one earlier send to <see cref="Customer"/> (a status webhook, or an error the Cloud API
/// answered synchronously, posted to <c>…/outcomes</c>). Applied once per (<see cref="MessageId"/>,
/// <see cref="Status"/>). <see cref="At"/> is when Meta decided (the status timestamp; now when absent).
/// </summary>
[GenerateSerializer, Immutable, Alias("waba.SendOutcome")]
public sealed record SendOutcome(
    [property: Id(0)] string MessageId,
    [property: Id(1)] string Customer,
    [property: Id(2)] OutcomeStatus Status,
    [property: Id(3)] int? ErrorCode = null,
    [property: Id(4)] DateTimeOffset? At = null,
    [property: Id(5)] string? UserId = null);

/// <summary>What a verdict changed: the effect it had, or that it was seen before or teaches nothing.</summary>
[GenerateSerializer, Alias("waba.OutcomeEffect")]
public enum OutcomeEffect
{
    /// <summary>A status or error the gate learns nothing from (delivered, read, an unpredictable error).</summary>
    None,

    /// <summary>The same (message id, status) was applied before: nothing changed.</summary>
    Duplicate,

    /// <summary>131047: the customer's window closed.</summary>
    WindowClosed,

    /// <summary>131049: marketing templates to the customer wait 24 h.</summary>
    MarketingLimited,

    /// <summary>131050 or a <c>user_preferences</c> stop: marketing templates to the customer stop until a resume.</summary>
    MarketingOptedOut,

    /// <summary>A <c>user_preferences</c> resume.</summary>
    MarketingResumed,
}

/// <summary>The answer to a verdict: its effect and, for a limit, until when it holds.</summary>
[GenerateSerializer, Immutable, Alias("waba.OutcomeResult")]
public sealed record OutcomeResult([property: Id(0)] OutcomeEffect Effect, [property: Id(1)] DateTimeOffset? Until = null);

/// <summary>
/// Meta's <c>user_preferences</c> webhook: the customer stopped (<see cref="Stop"/>) or resumed marketing
/// messages from this number at <see cref="At"/>; a later preference replaces an earlier one.
/// </summary>
[GenerateSerializer, Immutable, Alias("waba.MarketingPreference")]
public sealed record MarketingPreference(
    [property: Id(0)] string Customer,
    [property: Id(1)] bool Stop,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string? UserId = null);

/// <summary>
/// A 131049 one number of the account learned, handed by the account to its other numbers: Meta's per-user
/// marketing limit holds marketing templates to <see cref="Customer"/> on the whole account. <see cref="OutcomeDigest"/>
/// is the (message id, status) digest, so a redelivery to another number is recognised there too.
/// </summary>
[GenerateSerializer, Immutable, Alias("waba.SharedVerdict")]
public sealed record SharedVerdict(
    [property: Id(0)] string Customer,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] long OutcomeDigest);
