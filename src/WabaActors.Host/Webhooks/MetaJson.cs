using System.Globalization;
using System.Text.Json;

namespace WabaActors.Host.Webhooks;

/// <summary>Reading Meta's values, which come as strings or numbers depending on the field (and the year).</summary>
public static class MetaJson
{
    /// <summary>A property that is an object or an array; null otherwise.</summary>
    public static JsonElement? Child(this JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var child)
        && child.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? child : null;

    /// <summary>A string or number property as text (a number as written); null when absent or of another kind.</summary>
    public static string? Text(this JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) ? Text(value) : null;

    public static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    /// <summary>An id (a phone, a BSUID, a message id): the text, or null when absent or blank.</summary>
    public static string? Id(this JsonElement obj, string name) => obj.Text(name) is { } text && !string.IsNullOrWhiteSpace(text) ? text : null;

    /// <summary>The elements of an array property (none when absent or not an array).</summary>
    public static IEnumerable<JsonElement> Items(this JsonElement obj, string name) =>
        obj.Child(name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    /// <summary>An instant: Unix seconds (number or digits), or ISO 8601 (Meta also writes <c>+0000</c>).</summary>
    public static DateTimeOffset? Instant(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds <= 253_402_300_799 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
        }

        var iso = text.Length > 5 && text[^5] is '+' or '-' && text[^4..].All(char.IsAsciiDigit) ? text.Insert(text.Length - 2, ":") : text;
        return DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.ToUniversalTime() : null;
    }

    /// <summary><c>display_phone_number</c> as E.164 digits (Meta may format it: <c>+1 650-555-1111</c>).</summary>
    public static string Digits(string? text) => new([.. (text ?? string.Empty).Where(char.IsAsciiDigit)]);
}
