using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WabaActors.Api.Tests.Support;

/// <summary>
/// Deterministic hostile requests for a route: malformed, truncated, oversized and type-confused JSON,
/// wrong media types, odd headers, hostile path segments and queries. Every body is invalid by
/// construction (each field gets a value its type or rules refuse), so a 2xx is always a bug.
/// </summary>
public static class Fuzz
{
    private const string Json = "application/json";

    /// <summary>Path segments no id may be, inserted raw (the client sends the path as written).</summary>
    private static readonly string[] Segments =
    [
        "%2F", "a%2Fb", "..%2F..%2Fadmin", "%2E%2E%2Fx", "../x", "./../x", "%5C..%5Cx", "",
        "%C3%BC", "%F0%9F%98%80", "%E2%80%AE420601234567", "%EF%BC%94%EF%BC%92%EF%BC%90%EF%BC%96%EF%BC%90%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96",
        "%D9%A4%D9%A2%D9%A0%D9%A6%D9%A0%D9%A1%D9%A2%D9%A3%D9%A4%D9%A5", "%00", "a%00b", "%0D%0AX-Injected:%201", "%09", "%20", "+", "%2B", "*", "%2A",
        "%ZZ", "%", "%C3", "%FF%FE", "'%20OR%201=1--", "1;DROP%20TABLE%20accounts", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E", "$%7Bjndi:ldap:%2F%2Fx%7D", "%7B%7B7*7%7D%7D", "UPPER", "-lead", "0", "-1", "1e5",
        new string('9', 100), new string('a', 65), new string('x', 10_000),
    ];

    private static readonly string[] Syntax =
    [
        "{", "{\"a\":", "{\"a\":1,}", "{'a':'b'}", "{a:1}", "not json", "{} }", "/* c */ {}", "{\"a\":NaN}", "{\"a\":Infinity}",
        "{\"a\":01}", "{\"a\":\"\\x41\"}", "{\"a\":\"unterminated}", "\u00ef\u00bb\u00bf", "[", "]", "}", ",", "{\"a\" 1}", "{\"a\":tru}",
    ];

    public static IEnumerable<FuzzCase> For(Route route, TestAccount live, Random random)
    {
        foreach (var c in PathCases(route, live, random))
        {
            yield return c;
        }

        var path = route.For(live);
        var strict = route.ReadsBody;
        foreach (var (label, body) in Bodies(route, random))
        {
            yield return new FuzzCase(label, route.HttpMethod, path, body, Json, strict);
        }

        if (route.ReadsBody)
        {
            yield return new FuzzCase("body over 1 MiB", route.HttpMethod, path, Oversized(route, random), Json, true, 413);
        }

        foreach (var c in MediaTypeCases(route, path, random))
        {
            yield return c;
        }

        foreach (var c in HeaderCases(route, path, random))
        {
            yield return c;
        }

        foreach (var query in new[] { "?limit=abc", "?after=-1", "?limit=1001", "?after=%00", "?limit=1&limit=2", "?after=" + new string('9', 40), "?%ZZ=1", "?a=" + new string('q', 4000) })
        {
            // Calls that read no query ignore it: only a 5xx or a non-problem error fails.
            yield return new FuzzCase($"query {Short(query)}", route.HttpMethod, path + query, route.ReadsBody ? Utf8("{}") : null, route.ReadsBody ? Json : null, false);
        }
    }

    private static IEnumerable<FuzzCase> PathCases(Route route, TestAccount live, Random random)
    {
        foreach (var parameter in route.Parameters)
        {
            foreach (var segment in Segments.Where(s => !IsValid(parameter, Uri.UnescapeDataString(s))))
            {
                var path = route.For(live, parameter, segment);
                yield return new FuzzCase($"{parameter} = {Short(segment)}", route.HttpMethod, path, route.ReadsBody ? Utf8("{}") : null, route.ReadsBody ? Json : null, true)
                {
                    KestrelRefuses = segment.Contains("%00", StringComparison.Ordinal),
                };
            }

            yield return new FuzzCase($"{parameter} = 20k characters", route.HttpMethod, route.For(live, parameter, new string('y', 20_000)), null, null, true, 414)
            {
                KestrelRefuses = true,
            };

            var junk = RandomText(random, random.Next(1, 80));
            yield return new FuzzCase($"{parameter} = random", route.HttpMethod, route.For(live, parameter, Uri.EscapeDataString(junk)),
                route.ReadsBody ? Utf8("{}") : null, route.ReadsBody ? Json : null, true);
        }
    }

    /// <summary>docs/api.md's id grammar ("Conventions"): a segment that is a valid id is no hostile input for that parameter.</summary>
    private static bool IsValid(string parameter, string value) => parameter switch
    {
        "tenant" => System.Text.RegularExpressions.Regex.IsMatch(value, "^[a-z0-9][a-z0-9-]{0,63}$"),
        "waba" => System.Text.RegularExpressions.Regex.IsMatch(value, "^[A-Za-z0-9_-]{1,64}$"),
        "phone" => System.Text.RegularExpressions.Regex.IsMatch(value, "^[1-9][0-9]{7,14}$"),
        "customer" => System.Text.RegularExpressions.Regex.IsMatch(value, "^([1-9][0-9]{5,14}|[A-Z]{2}\\.(ENT\\.)?[A-Za-z0-9]{1,256})$"),
        _ => false,
    };

    private static IEnumerable<(string Label, byte[] Body)> Bodies(Route route, Random random)
    {
        foreach (var text in Syntax)
        {
            yield return ($"syntax {Short(text)}", Utf8(text));
        }

        foreach (var text in new[] { "[]", "[{}]", "\"text\"", "42", "-0.0e-999", "true", "false", "{\"a\":" + new string('[', 5000) + new string(']', 5000) + "}" })
        {
            yield return ($"top level {Short(text)}", Utf8(text));
        }

        if (!route.BodyOptional)
        {
            yield return ("JSON null", Utf8("null"));
            yield return ("empty", []);
            yield return ("whitespace", Utf8(" \r\n\t "));
        }

        yield return ("nested objects 2000 deep", Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 2000)) + "1" + new string('}', 2000)));
        yield return ("UTF-16 body", Encoding.Unicode.GetBytes("{\"a\":\"b\"}"));
        yield return ("random bytes", RandomBytes(random, random.Next(1, 4096)));
        yield return ("invalid UTF-8 in a string", [.. Utf8("{\"" + FirstField(route) + "\":\""), 0xC3, 0x28, 0xFF, 0xFE, .. Utf8("\"}")]);
        yield return ("overlong UTF-8 NUL", [.. Utf8("{\"" + FirstField(route) + "\":\""), 0xC0, 0x80, .. Utf8("\"}")]);

        // Type-confused and out-of-rule objects: every known field gets a value it must refuse.
        for (var i = 0; i < 120; i++)
        {
            var body = new JsonObject();
            foreach (var (name, type) in Fields(route))
            {
                body[name] = HostileValue(type, random);
            }

            if (body.Count == 0 || random.Next(4) == 0)
            {
                body[RandomText(random, random.Next(1, 10))] = HostileValue(typeof(string), random);
            }

            var text = body.ToJsonString();
            if (random.Next(10) == 0)
            {
                // Truncated at a random point.
                text = text[..random.Next(1, text.Length)];
            }

            yield return ($"object #{i}", Utf8(text));
        }

        if (Fields(route).FirstOrDefault() is { Name: { } first })
        {
            yield return ("duplicate member", Utf8($"{{\"{first}\":\"\\u0000\",\"{first}\":[1]}}"));
            yield return ("lone surrogate", Utf8($"{{\"{first}\":\"\\ud800\\u0000\"}}"));
        }
    }

    private static IEnumerable<FuzzCase> MediaTypeCases(Route route, string path, Random random)
    {
        var strict = route.ReadsBody;
        var body = Utf8("{\"" + FirstField(route) + "\":[]}");
        foreach (var type in new[]
        {
            "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16",
            "application/json; charset=bogus", "application/json; charset=", "application/jsonx", "application/vnd.evil+json", "*/*", "application/json, text/plain",
            "application", "/", ";;;", "application/json; charset=utf-8; charset=latin1", new string('j', 3000), null!,
        })
        {
            yield return new FuzzCase($"content type {Short(type ?? "(none)")}", route.HttpMethod, path, body, type, strict);
        }

        yield return new FuzzCase("form body", route.HttpMethod, path, Utf8("a=1&b=%00"), "application/x-www-form-urlencoded", strict);
        yield return new FuzzCase("random bytes as octet-stream", route.HttpMethod, path, RandomBytes(random, 512), "application/octet-stream", strict);
    }

    private static IEnumerable<FuzzCase> HeaderCases(Route route, string path, Random random)
    {
        var strict = route.ReadsBody;
        var body = route.ReadsBody ? Utf8("{\"" + FirstField(route) + "\":{}}") : null;
        var type = route.ReadsBody ? Json : null;
        foreach (var (name, value) in new[]
        {
            ("Accept", "text/html"), ("Accept", "application/xml"), ("Accept", "*/*;q=0"), ("Accept", "application/problem+xml"), ("Accept-Charset", "utf-32"),
            ("Accept-Encoding", "gzip;q=2, br, identity;q=0"), ("Content-Encoding", "gzip"), ("Content-Encoding", "br, deflate"), ("Expect", "100-continue"),
            ("X-HTTP-Method-Override", "DELETE"), ("X-Forwarded-For", "1.2.3.4, <script>"), ("X-Forwarded-Host", "evil.example"), ("Range", "bytes=0-1"),
            ("If-Match", "*"), ("Authorization", "Bearer junk"), ("Authorization", "Basic " + new string('A', 2000)), ("Cookie", "a=" + new string('c', 4000)),
            ("Origin", "null"), ("Content-Language", "xx"), ("X-Long", new string('h', 8000)),
        })
        {
            yield return new FuzzCase($"header {name}: {Short(value)}", route.HttpMethod, path, body, type, strict) { Headers = [(name, value)] };
        }
    }

    private static byte[] Oversized(Route route, Random random)
    {
        var field = FirstField(route);
        var size = 1024 * 1024 + random.Next(1, 64 * 1024);
        return Utf8($"{{\"{field}\":\"{new string('x', size)}\"}}");
    }

    private static JsonNode? HostileValue(Type type, Random random)
    {
        var pick = random.Next(6);
        if (pick == 0)
        {
            return new JsonArray(1, "a", null);
        }

        if (pick == 1)
        {
            return new JsonObject { ["$type"] = "System.IO.FileInfo", ["a"] = new JsonObject() };
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return random.Next(7) switch
            {
                0 => random.Next(),
                1 => random.Next(2) == 0,
                2 => RandomText(random, random.Next(2049, 20_000)),
                3 => "ok\u0000" + RandomText(random, 5),
                4 => "\u001b[31m" + RandomText(random, 5),
                5 => "\u0007\u0008\u007f",
                _ => 1.5e308,
            };
        }

        if (type == typeof(bool))
        {
            return random.Next(5) switch
            {
                0 => "true",
                1 => 1,
                2 => "yes",
                3 => 0.0,
                _ => "",
            };
        }

        return random.Next(5) switch
        {
            0 => 1_764_000_000,
            1 => "yesterday",
            2 => "",
            3 => "2026-13-45T25:61:61Z",
            _ => "2026-11-25T08:00:00Z\u0000",
        };
    }

    private static IEnumerable<(string Name, Type Type)> Fields(Route route) =>
        route.BodyType?.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite || p.GetMethod is not null)
            .Select(p => (JsonNamingPolicy.CamelCase.ConvertName(p.Name), p.PropertyType)) ?? [];

    private static string FirstField(Route route) => Fields(route).Select(f => f.Name).FirstOrDefault() ?? "a";

    private static string RandomText(Random random, int length)
    {
        const string alphabet = "abcXYZ019 -_.~!*'();:@&=+$,/?#[]%\"<>\\^`{|}\u00e9\u4e2d";
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + $"…({text.Length})";
}
