using System.Text.Json;

namespace WabaActors.Host.Webhooks;

/// <summary>
/// One 360dialog partner webhook: its <c>event</c>, the object its facts are read from (<c>payload</c>,
/// or the body itself when there is none) and the WABA id it names, if any (alive while the request's document is).
/// </summary>
public sealed record PartnerDelivery(string Event, JsonElement Data, string? Waba);
