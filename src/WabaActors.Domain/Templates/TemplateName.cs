using System.Buffers;
using WabaActors.Domain.Common;

namespace WabaActors.Domain.Templates;

/// <summary>
/// A template as Meta names it: its name (lower-case letters, digits and underscores, at most 512) and its
/// language code (<c>en</c>, <c>en_US</c>, <c>zh_Hant_HK</c>…). One name in two languages is two templates.
/// </summary>
public readonly record struct TemplateName(string Name, string Language)
{
    public const int MaxNameLength = 512;

    public static Result<TemplateName> Parse(string? name, string? language)
    {
        var v = new Validator();
        return Check(v, name, language) is { } parsed ? parsed : v.ToError();
    }

    /// <summary>
    /// The template, or null with each bad part added to <paramref name="v"/> under <paramref name="prefix"/> +
    /// <c>name</c> / <c>language</c> (a permit names them <c>template.name</c>, <c>template.language</c>).
    /// </summary>
    public static TemplateName? Check(Validator v, string? name, string? language, string prefix = "")
    {
        var nameOk = name is { Length: > 0 and <= MaxNameLength } && !name.AsSpan().ContainsAnyExcept(NameChars);
        var languageOk = language is not null && IsLanguage(language);
        v.Check(nameOk, prefix + "name", $"A template name is 1-{MaxNameLength} lower-case letters, digits or underscores.");
        v.Check(languageOk, prefix + "language", "A template language is a code such as 'en', 'en_US' or 'zh_Hant_HK'.");
        return nameOk && languageOk ? new TemplateName(name!, language!) : null;
    }

    public override string ToString() => $"{Name}/{Language}";

    // Checked on every permit that names a template: a vectorised set test and a loop, not a regex.
    private static readonly SearchValues<char> NameChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789_");

    /// <summary><c>^[a-z]{2,3}(_[A-Za-z]{2,4}){0,2}$</c>: a language, then at most two parts (script, region).</summary>
    private static bool IsLanguage(string language)
    {
        var parts = 0;
        foreach (var part in language.AsSpan().Split('_'))
        {
            var text = language.AsSpan()[part];
            var ok = parts == 0
                ? text.Length is 2 or 3 && !text.ContainsAnyExceptInRange('a', 'z')
                : text.Length is >= 2 and <= 4 && IsLetters(text);
            if (!ok || ++parts > 3)
            {
                return false;
            }
        }

        return parts > 0;
    }

    private static bool IsLetters(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is not (>= 'a' and <= 'z' or >= 'A' and <= 'Z'))
            {
                return false;
            }
        }

        return true;
    }
}
