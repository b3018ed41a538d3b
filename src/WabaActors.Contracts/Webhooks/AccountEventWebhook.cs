namespace WabaActors.Contracts.Webhooks;

/// <summary>
/// <c>account_update</c> events that connect or disconnect the WABA (ACCOUNT_DELETED, PARTNER_REMOVED,
/// PARTNER_APP_UNINSTALLED, ACCOUNT_OFFBOARDED, ACCOUNT_RECONNECTED, PARTNER_ADDED, PARTNER_APP_INSTALLED)
/// and ACCOUNT_VIOLATION: Meta's <c>event</c> as sent, and its detail (the violation type, or the
/// disconnection reason) when it has one.
/// </summary>
[GenerateSerializer, Immutable, Alias("waba.AccountEventWebhook")]
public sealed record AccountEventWebhook(string Digest, [property: Id(0)] string Event, [property: Id(1)] string? Detail) : AccountWebhook(Digest);
