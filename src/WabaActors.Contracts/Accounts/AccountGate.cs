namespace WabaActors.Contracts.Accounts;

/// <summary>
/// What a number needs from its account to decide alone (the domain's <c>SendGate</c>): status,
/// Meta's ban, whether sends wait for the review, and the restrictions. The account hands it to
/// its numbers whenever it changes. <see cref="QuotaKey"/> names the grain that counts template
/// recipients (the account's own, or its portfolio's) and <see cref="TemplateLimit"/> its limit;
/// a number keeps the gate of the highest <see cref="Version"/> it has seen.
/// </summary>
[GenerateSerializer, Immutable, Alias("waba.AccountGate")]
public sealed record AccountGate(
    [property: Id(0)] GateStatus Status,
    [property: Id(1)] bool Disabled,
    [property: Id(2)] bool HeldForReview,
    [property: Id(3)] DateTimeOffset? BusinessInitiatedUntil,
    [property: Id(4)] DateTimeOffset? CustomerInitiatedUntil,
    [property: Id(5)] string QuotaKey,
    [property: Id(6)] int TemplateLimit,
    [property: Id(7)] long Version)
{
    /// <summary>The account's template registry (permits naming a template are decided on it).</summary>
    [Id(8)] public IReadOnlyList<Templates.TemplateView> Templates { get; init; } = [];

    /// <summary>Numbers of the account Meta upgraded to the higher throughput (THROUGHPUT_UPGRADE), by digits.</summary>
    [Id(9)] public IReadOnlyList<string> ThroughputUpgraded { get; init; } = [];
}
