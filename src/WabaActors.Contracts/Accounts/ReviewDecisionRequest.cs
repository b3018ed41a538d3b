namespace WabaActors.Contracts.Accounts;

/// <summary>A review decision: <c>approved</c> or <c>rejected</c>, with an optional reason.</summary>
[GenerateSerializer, Immutable, Alias("waba.ReviewDecisionRequest")]
public sealed record ReviewDecisionRequest([property: Id(0)] string? Decision, [property: Id(1)] string? Reason = null);
