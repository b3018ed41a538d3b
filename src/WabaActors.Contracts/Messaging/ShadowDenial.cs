namespace WabaActors.Contracts.Messaging;

/// <summary>
/// On a decision allowed only because its tenant runs the gate in shadow (<c>WabaActors:Enforcement</c>): the
/// denial the gate decided — its <c>reason</c> (docs/errors.md), <c>retryAt</c> where one exists, and its
/// <c>detail</c>. Compare these with Meta's own refusals before enforcing (docs/operations.md).
/// </summary>
[GenerateSerializer, Immutable, Alias("waba.ShadowDenial")]
public sealed record ShadowDenial(
    [property: Id(0)] DenialReason Reason,
    [property: Id(1)] DateTimeOffset? RetryAt,
    [property: Id(2)] string? Detail);
