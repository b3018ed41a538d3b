namespace WabaActors.Host.Webhooks;

/// <summary>One <c>entry[]</c> of a delivery: the WABA id, its <c>changes[]</c>, and its <c>time</c> (null when absent or unreadable).</summary>
public sealed record WebhookEntry(string Waba, IReadOnlyList<WebhookChange> Changes, DateTimeOffset? Time = null);
