namespace WabaActors.Contracts.Webhooks;

/// <summary>
/// A 360dialog partner webhook (<c>channel_created</c>, <c>channel_ready</c>, <c>channel_running</c>,
/// <c>account_violation</c>, <c>account_restriction</c>) about the account, read from its payload:
/// the number (<c>phone_number</c> digits), a label (the channel's <c>status</c> or the
/// <c>violation_type</c>), <c>billing_started_at</c>, and any Meta restrictions or ban state it
/// carries (ADR 0011).
/// </summary>
[GenerateSerializer, Immutable, Alias("waba.PartnerWebhook")]
public sealed record PartnerWebhook(
    string Digest,
    [property: Id(0)] string Event,
    [property: Id(1)] string? Phone,
    [property: Id(2)] string? Label,
    [property: Id(3)] DateTimeOffset? BillingStartedAt,
    [property: Id(4)] IReadOnlyList<RestrictionNotice> Restrictions,
    [property: Id(5)] string? BanState) : AccountWebhook(Digest);
