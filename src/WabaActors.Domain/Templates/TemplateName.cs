using System.Text.RegularExpressions;
using WabaActors.Domain.Common;

namespace WabaActors.Domain.Templates;

/// <summary>
/// A template as Meta names it: its name (lower-case letters, digits and underscores, at most 512) and its
/// language code (<c>en</c>, <c>en_US</c>, <c>zh_Hant_HK</c>…). One name in two languages is two templates.
/// </summary>
public readonly partial record struct TemplateName(string Name, string Language)
{
    public const int MaxNameLength = 512;

    public static Result<TemplateName> Parse(string? name, string? language)
    {
        var v = new Validator();
        v.Check(name is { Length: > 0 and <= MaxNameLength } && NamePattern().IsMatch(name), "name",
            $"A template name is 1-{MaxNameLength} lower-case letters, digits or underscores.");
        v.Check(language is not null && LanguagePattern().IsMatch(language), "language",
            "A template language is a code such as 'en', 'en_US' or 'zh_Hant_HK'.");
        return v.IsValid ? new TemplateName(name!, language!) : v.ToError();
    }

    public override string ToString() => $"{Name}/{Language}";

    [GeneratedRegex("^[a-z0-9_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z]{2,3}(_[A-Za-z]{2,4}){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguagePattern();
}
