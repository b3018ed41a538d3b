using System.Text.Json;

namespace WabaActors.Host.Webhooks;

/// <summary>One <c>changes[]</c> item: Meta's <c>field</c> and its <c>value</c> object (alive while the request's document is).</summary>
public sealed record WebhookChange(string Field, JsonElement Value);
