using System.Net;
using System.Text.RegularExpressions;

namespace WabaActors.Api.Tests.Support;

/// <summary>
/// Reading a DOM that Chromium serialised: elements are found by an attribute the operator page sets
/// (<c>data-field</c>, <c>data-step</c>, …); the page nests no element inside an element of the same name.
/// </summary>
public sealed partial class Dom(string html)
{
    public string Html => html;

    /// <summary>Every element with <paramref name="attribute"/>=<paramref name="value"/> (any value when null), outer HTML.</summary>
    public IReadOnlyList<Dom> All(string attribute, string? value = null)
    {
        var pattern = $"<([a-zA-Z][a-zA-Z0-9]*)\\b[^>]*\\s{Regex.Escape(attribute)}=\"{(value is null ? "[^\"]*" : Regex.Escape(WebUtility.HtmlEncode(value)))}\"[^>]*>";
        return [.. Regex.Matches(html, pattern).Select(m => new Dom(Outer(m)))];
    }

    public Dom One(string attribute, string? value = null)
    {
        var found = All(attribute, value);
        Assert.True(found.Count == 1, $"{found.Count} elements with {attribute}={value} in:\n{html}");
        return found[0];
    }

    /// <summary>The text of the element, tags stripped and entities decoded.</summary>
    public string Text => WebUtility.HtmlDecode(Tag().Replace(html, string.Empty));

    /// <summary>An attribute of the outermost element.</summary>
    public string? Attr(string name)
    {
        var open = html[..(html.IndexOf('>', StringComparison.Ordinal) + 1)];
        var match = Regex.Match(open, $"\\s{Regex.Escape(name)}=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    private string Outer(Match open)
    {
        var name = open.Groups[1].Value;
        var close = html.IndexOf($"</{name}>", open.Index + open.Length, StringComparison.Ordinal);
        return close < 0 ? open.Value : html[open.Index..(close + name.Length + 3)];
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
