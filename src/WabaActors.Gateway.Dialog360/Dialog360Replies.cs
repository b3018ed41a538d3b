using System.Globalization;
using System.Text.Json;
using WabaActors.Grains.Gateway;

namespace WabaActors.Gateway.Dialog360;

/// <summary>Reads 360dialog's JSON replies; anything else is a <see cref="JsonException"/> (answered as <c>gateway_error</c>).</summary>
internal static class Dialog360Replies
{
    /// <summary><c>{"success": true}</c>, the reply of request_code, verify_code and register.</summary>
    public static bool Succeeded(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("success", out var s) && s.ValueKind == JsonValueKind.True;

    /// <summary>
    /// <c>{"partner_channels": [{"status": "...", "billing_started_at": "ISO 8601" | null, ...}], ...}</c>:
    /// the first channel, or null when the list is empty.
    /// </summary>
    public static ChannelStatus? Channel(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("partner_channels", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("partner_channels is missing.");
        }

        if (list.GetArrayLength() == 0)
        {
            return null;
        }

        var channel = list[0];
        var status = channel.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String
            ? s.GetString()!
            : throw new JsonException("status is missing.");
        DateTimeOffset? billing = channel.TryGetProperty("billing_started_at", out var b) && b.ValueKind == JsonValueKind.String
            ? ParseInstant(b.GetString()!)
            : null;
        return new ChannelStatus(status, billing);
    }

    private static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : throw new JsonException("billing_started_at is not an instant.");
}
