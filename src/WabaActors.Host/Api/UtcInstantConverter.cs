using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WabaActors.Host.Api;

/// <summary>Instants are written in UTC with a <c>Z</c> (docs/api.md "Conventions": <c>2026-11-25T08:00:00Z</c>); any ISO 8601 offset is read.</summary>
internal sealed class UtcInstantConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
}
