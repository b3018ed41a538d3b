namespace WabaActors.Host.Webhooks;

/// <summary>One <c>entry[]</c> of a delivery: the WABA id and its <c>changes[]</c>.</summary>
public sealed record WebhookEntry(string Waba, IReadOnlyList<WebhookChange> Changes);
