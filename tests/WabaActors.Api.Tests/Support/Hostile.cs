using System.Text;
using System.Text.Json.Nodes;

namespace WabaActors.Api.Tests.Support;

/// <summary>Hostile bodies for a call: broken JSON, wrong types, missing and null fields, huge and control-laden strings, wrong media types.</summary>
public static class Hostile
{
    private const string JsonType = "application/json";

    public static readonly string Huge = new('x', 10_000);

    public static IEnumerable<HostileRequest> Requests(Endpoint endpoint, JsonObject valid)
    {
        // Calls whose body is {} ignore it: the host's answer then depends on the state only (still a 4xx here).
        int? syntax = endpoint.ReadsBody ? 400 : null;
        var syntaxCode = endpoint.ReadsBody ? "validation_failed" : null;
        int? media = endpoint.ReadsBody ? 415 : null;
        var mediaCode = endpoint.ReadsBody ? "unsupported_media_type" : null;

        foreach (var (label, text) in new[]
        {
            ("truncated object", "{"),
            ("truncated member", """{ "a": """),
            ("trailing garbage", """{ } }"""),
            ("single quotes", "{ 'a': 'b' }"),
            ("bare words", "not json at all"),
            ("array", "[]"),
            ("string", "\"text\""),
            ("number", "42"),
            ("boolean", "true"),
            ("comment", "/* c */ { }"),
            ("trailing comma", """{ "a": 1, }"""),
            ("nested 64 deep", """{ "a": """ + new string('[', 64) + new string(']', 64) + " }"),
        })
        {
            yield return new HostileRequest(label, Encoding.UTF8.GetBytes(text), JsonType, syntax, syntaxCode);
        }

        var member = endpoint.Fields.FirstOrDefault()?.Name ?? "a";
        byte[] invalidUtf8 = [.. Encoding.UTF8.GetBytes($"{{\"{member}\":\""), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes("\"}")];
        yield return new HostileRequest("invalid UTF-8 in a string", invalidUtf8, JsonType, syntax, syntaxCode);
        if (!endpoint.BodyOptional)
        {
            yield return new HostileRequest("empty body", [], JsonType, syntax, syntaxCode);
            yield return new HostileRequest("JSON null", Encoding.UTF8.GetBytes("null"), JsonType, syntax, syntaxCode);
            yield return new HostileRequest("no body at all", null, null, syntax, syntaxCode);
        }

        var validText = Encoding.UTF8.GetBytes(valid.ToJsonString());
        yield return new HostileRequest("text/plain", validText, "text/plain", media, mediaCode);
        yield return new HostileRequest("application/xml", Encoding.UTF8.GetBytes("<a>b</a>"), "application/xml", media, mediaCode);
        yield return new HostileRequest("form", Encoding.UTF8.GetBytes("a=b"), "application/x-www-form-urlencoded", media, mediaCode);
        yield return new HostileRequest("no content type", validText, null, media, mediaCode);

        foreach (var field in endpoint.Fields)
        {
            foreach (var (label, value) in WrongValues(field))
            {
                var body = valid.DeepClone().AsObject();
                if (label == "missing")
                {
                    body.Remove(field.Name);
                }
                else
                {
                    body[field.Name] = value;
                }

                yield return new HostileRequest($"{field.Name}: {label}", Encoding.UTF8.GetBytes(body.ToJsonString()), JsonType);
            }
        }
    }

    private static IEnumerable<(string Label, JsonNode? Value)> WrongValues(Field field)
    {
        yield return ("array", new JsonArray());
        yield return ("array of one", new JsonArray("a"));
        yield return ("object", new JsonObject { ["a"] = 1 });
        if (field.Required)
        {
            yield return ("missing", null);
            yield return ("null", null);
        }

        switch (field.Kind)
        {
            case FieldKind.Bool:
                yield return ("string", "true");
                yield return ("number", 1);
                break;
            case FieldKind.Text:
                yield return ("number", 12345);
                yield return ("boolean", true);
                yield return ("10k characters", Huge);
                yield return ("NUL inside", "Acme\u0000Corp");
                yield return ("escape sequence", "\u001b[31mred\u001b[0m");
                yield return ("empty", "");
                if (!field.BlankAllowed)
                {
                    yield return ("blank", "   ");
                }

                break;
            case FieldKind.Instant:
                yield return ("number", 1_764_000_000);
                yield return ("not a date", "yesterday");
                yield return ("empty", "");
                yield return ("10k characters", Huge);
                yield return ("NUL inside", "2026-11-25T08:00:00Z\u0000");
                break;
        }
    }
}
