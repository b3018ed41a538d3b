using System.Text.Json;
using WabaActors.Domain.Common;
using WabaActors.Domain.Identity;

namespace WabaActors.Host.Webhooks;

/// <summary>
/// Meta's envelope: <c>{ "object": "whatsapp_business_account", "entry": [{ "id", "changes": [{ "field", "value": {…} }] }] }</c>.
/// A wrong shape is a <c>validation_failed</c> naming every path at fault; what a value holds is read later, per field.
/// <c>object</c> may be missing (Meta's own PARTNER_ADDED examples have none): the entries are read as
/// the WABA's. An envelope for another object (<c>page</c>, <c>instagram</c>) is well formed but not
/// ours: it parses to no entries and <paramref name="foreignObject"/> names it, so it is acknowledged and logged.
/// </summary>
public static class EnvelopeParser
{
    public const string Object = "whatsapp_business_account";

    public static Result<IReadOnlyList<WebhookEntry>> Parse(JsonElement root, out string? foreignObject)
    {
        foreignObject = null;
        var v = new Validator();
        if (root.ValueKind != JsonValueKind.Object)
        {
            return DomainError.Invalid("body", "The body must be a JSON object (Meta's webhook envelope).");
        }

        if (root.TryGetProperty("object", out var obj) && obj.ValueKind != JsonValueKind.Null)
        {
            v.Check(obj.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(obj.GetString()),
                "object", $"object must be a string ('{Object}').");
            if (obj.ValueKind == JsonValueKind.String && obj.GetString() is { Length: > 0 } named && named != Object)
            {
                foreignObject = named.Length <= 64 ? named : named[..64];
            }
        }
        if (!root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            v.Add("entry", "entry must be an array.");
            return v.ToError();
        }

        var parsed = new List<WebhookEntry>();
        var i = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            if (Entry(entry, $"entry[{i++}]", v) is { } e)
            {
                parsed.Add(e);
            }
        }

        return !v.IsValid ? v.ToError() : foreignObject is null ? parsed : Array.Empty<WebhookEntry>();
    }

    private static WebhookEntry? Entry(JsonElement entry, string path, Validator v)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            v.Add(path, $"{path} must be an object.");
            return null;
        }

        var id = entry.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : null;
        v.Check(WabaId.Parse(id).IsSuccess, $"{path}.id", $"{path}.id must be the WABA id ([A-Za-z0-9_-]{{1,64}}).");
        if (!entry.TryGetProperty("changes", out var changes) || changes.ValueKind != JsonValueKind.Array)
        {
            v.Add($"{path}.changes", $"{path}.changes must be an array.");
            return null;
        }

        var parsed = new List<WebhookChange>();
        var j = 0;
        foreach (var change in changes.EnumerateArray())
        {
            var at = $"{path}.changes[{j++}]";
            var field = change.ValueKind == JsonValueKind.Object && change.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String
                ? f.GetString()
                : null;
            v.Check(!string.IsNullOrEmpty(field), $"{at}.field", $"{at}.field must be a non-empty string.");
            var hasValue = change.ValueKind == JsonValueKind.Object && change.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object;
            v.Check(hasValue, $"{at}.value", $"{at}.value must be an object.");
            if (!string.IsNullOrEmpty(field) && hasValue)
            {
                parsed.Add(new WebhookChange(field, change.GetProperty("value")));
            }
        }

        var time = entry.TryGetProperty("time", out var t) ? MetaJson.Instant(MetaJson.Text(t)) : null;
        return id is null ? null : new WebhookEntry(id, parsed, time);
    }
}
