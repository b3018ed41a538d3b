namespace WabaActors.Contracts.Webhooks;

/// <summary><c>account_review_update</c>: the commerce-policy <c>decision</c> (APPROVED, REJECTED, PENDING, DEFERRED).</summary>
[GenerateSerializer, Immutable, Alias("waba.ReviewWebhook")]
public sealed record ReviewWebhook(string Digest, [property: Id(0)] string? Decision) : AccountWebhook(Digest);
