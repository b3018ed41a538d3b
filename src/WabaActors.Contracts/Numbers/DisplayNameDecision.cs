namespace WabaActors.Contracts.Numbers;

/// <summary>
/// Meta's display-name decision for a number (<c>phone_number_name_update</c>): <c>approved</c> or
/// <c>rejected</c>, the reason, the name it was taken on (<c>requested_verified_name</c>), and
/// whether the account has seen this exact change before (so a redelivery that changes nothing is
/// reported as a duplicate, not stored twice). <see cref="Digest"/> is the change's digest: the number
/// stores it with the decision, in one write (ADR 0027).
/// </summary>
[GenerateSerializer, Immutable, Alias("waba.DisplayNameDecision")]
public sealed record DisplayNameDecision(
    [property: Id(0)] string Decision,
    [property: Id(1)] string? Reason,
    [property: Id(2)] string? RequestedName,
    [property: Id(3)] bool SeenBefore)
{
    /// <summary>The webhook change's digest (ADR 0005); null from a silo of an earlier version.</summary>
    [Id(4)] public string? Digest { get; init; }
}
