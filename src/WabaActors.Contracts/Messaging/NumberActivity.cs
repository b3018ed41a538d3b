namespace WabaActors.Contracts.Messaging;

/// <summary>Billable allowed decisions of the last 24 h in one pricing category.</summary>
[GenerateSerializer, Immutable, Alias("waba.BillableCount")]
public sealed record BillableCount([property: Id(0)] PricingCategory Category, [property: Id(1)] int Count);

/// <summary>A per-customer verdict in force: marketing held until <see cref="Until"/> (131049) or stopped until a resume (null).</summary>
[GenerateSerializer, Immutable, Alias("waba.CustomerVerdict")]
public sealed record CustomerVerdictView(
    [property: Id(0)] string Customer,
    [property: Id(1)] DenialReason Reason,
    [property: Id(2)] DateTimeOffset Since,
    [property: Id(3)] DateTimeOffset? Until);

/// <summary>What the operator page shows of a number's sends: spend by category and verdicts in force (at most a page of each).</summary>
[GenerateSerializer, Immutable, Alias("waba.NumberActivity")]
public sealed record NumberActivity(
    [property: Id(0)] IReadOnlyList<BillableCount> Billable,
    [property: Id(1)] IReadOnlyList<CustomerVerdictView> Verdicts,
    [property: Id(2)] int VerdictCount);
