namespace WabaActors.Contracts.Accounts;

/// <summary>
/// One active condition that denies some or all of the account's sends: <c>reason</c>
/// (<c>account_not_live</c>, <c>account_disconnected</c>, <c>meta_disabled</c>,
/// <c>commerce_review_rejected</c>, <c>account_under_review</c>, <c>restricted_business_initiated</c>,
/// <c>restricted_customer_initiated</c>, <c>number_addition_restricted</c>), since when, and until
/// when if it lifts by itself.
/// </summary>
[GenerateSerializer, Immutable, Alias("waba.HoldView")]
public sealed record HoldView(
    [property: Id(0)] string Reason,
    [property: Id(1)] DateTimeOffset Since,
    [property: Id(2)] DateTimeOffset? Until);
