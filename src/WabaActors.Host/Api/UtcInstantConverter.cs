using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WabaActors.Host.Api;

/// <summary>Instants are written in UTC with a <c>Z</c> (docs/api.md "Conventions": <c>2026-11-25T08:00:00Z</c>); any ISO 8601 offset is read.</summary>
internal sealed class UtcInstantConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>The written form as a .NET format: the fraction's trailing zeros (and a bare '.') left out.</summary>
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        // Every permit answer carries an instant: written without a custom format string (parsed at each
        // call) or a string, as Format would write it.
        Span<byte> text = stackalloc byte[28];
        writer.WriteStringValue(text[..Write(value, text)]);
    }

    /// <summary>Writes <paramref name="value"/> as <see cref="Format"/> would into <paramref name="text"/> (≥ 28 bytes); the length written.</summary>
    internal static int Write(DateTimeOffset value, Span<byte> text)
    {
        var utc = value.UtcDateTime;
        utc.TryFormat(text, out var written, "s", CultureInfo.InvariantCulture);
        var fraction = (int)(utc.Ticks % TimeSpan.TicksPerSecond);
        if (fraction != 0)
        {
            text[written++] = (byte)'.';
            for (var unit = (int)(TimeSpan.TicksPerSecond / 10); fraction != 0; unit /= 10)
            {
                text[written++] = (byte)('0' + (fraction / unit));
                fraction %= unit;
            }
        }

        text[written++] = (byte)'Z';
        return written;
    }
}
