using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace WabaActors.Host.Webhooks;

/// <summary>
/// What identifies a change across redeliveries: SHA-256 of its field and its value as canonical
/// JSON (properties sorted, no whitespace, strings re-escaped), first 16 bytes in hex. A redelivery
/// carries the same change; a new decision differs in its value. See docs/adr/0005-webhook-deduplication.md.
/// </summary>
public static class WebhookDigest
{
    public static string Of(string field, JsonElement value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write(Encoding.UTF8.GetBytes(field));
        buffer.Write("\n"u8);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteCanonical(writer, value);
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan)[..16]);
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    WriteCanonical(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    WriteCanonical(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(value.GetString());
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }
}
