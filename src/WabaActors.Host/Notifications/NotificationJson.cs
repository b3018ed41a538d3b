using System.Text.Json;
using System.Text.Json.Serialization;
using WabaActors.Contracts.Notifications;
using WabaActors.Grains.Notifications;
using WabaActors.Host.Api;

namespace WabaActors.Host.Notifications;

/// <summary>The body of a notification: the bytes that are signed and sent, written as the API writes JSON.</summary>
internal static class NotificationJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new UtcInstantConverter() },
    };

    public static byte[] Serialize(NotificationBatch batch) => JsonSerializer.SerializeToUtf8Bytes(
        new NotificationPayload(batch.Tenant, batch.Waba, [.. batch.Events.Select(e =>
            new NotificationEvent(NotificationBatch.EventId(batch.Waba, e.Sequence), e.Sequence, e.Event.Type, e.Event.At)
            {
                Phone = e.Event.Phone,
                Value = e.Event.Value,
                Reason = e.Event.Reason,
            })]),
        Options);
}
