namespace WabaActors.Contracts.Webhooks;

/// <summary>
/// <c>business_capability_update</c>: <c>max_daily_conversations_per_business</c> (a tier or a number)
/// and <c>max_phone_numbers_per_waba</c> (or, without it, <c>_per_business</c>), as text; null when absent.
/// </summary>
[GenerateSerializer, Immutable, Alias("waba.CapabilityWebhook")]
public sealed record CapabilityWebhook(
    string Digest,
    [property: Id(0)] string? MaxDailyConversations,
    [property: Id(1)] string? MaxPhoneNumbers) : AccountWebhook(Digest)
{
    /// <summary><c>phone_number_quality_update</c> with <c>event: THROUGHPUT_UPGRADE</c>: the digits of the upgraded number.</summary>
    [Id(2)] public string? ThroughputUpgraded { get; init; }
}
