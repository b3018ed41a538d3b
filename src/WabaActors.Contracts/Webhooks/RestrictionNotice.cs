namespace WabaActors.Contracts.Webhooks;

/// <summary>One <c>restriction_info[]</c> entry: <c>restriction_type</c> and <c>expiration</c> (either may be missing).</summary>
[GenerateSerializer, Immutable, Alias("waba.RestrictionNotice")]
public sealed record RestrictionNotice([property: Id(0)] string? Type, [property: Id(1)] DateTimeOffset? Expiration);
