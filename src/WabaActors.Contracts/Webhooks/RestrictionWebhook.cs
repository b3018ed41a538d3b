namespace WabaActors.Contracts.Webhooks;

/// <summary><c>account_update</c> ACCOUNT_RESTRICTION: the restrictions and their expirations.</summary>
[GenerateSerializer, Immutable, Alias("waba.RestrictionWebhook")]
public sealed record RestrictionWebhook(string Digest, [property: Id(0)] IReadOnlyList<RestrictionNotice> Restrictions) : AccountWebhook(Digest);
