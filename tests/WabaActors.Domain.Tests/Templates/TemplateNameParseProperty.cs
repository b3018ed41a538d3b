using System.Text.RegularExpressions;
using WabaActors.Domain.Templates;

namespace WabaActors.Domain.Tests.Templates;

/// <summary>
/// The name and language checks (a set test and a loop, on every permit naming a template) accept exactly what the
/// documented patterns accept: <c>^[a-z0-9_]+$</c> (1–512) and <c>^[a-z]{2,3}(_[A-Za-z]{2,4}){0,2}$</c>.
/// </summary>
public class TemplateNameParseProperty
{
    private static readonly Regex Name = new("^[a-z0-9_]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Language = new("^[a-z]{2,3}(_[A-Za-z]{2,4}){0,2}$", RegexOptions.CultureInvariant);
    private const string Alphabet = "abzAZ09_-é ";

    [Fact]
    public void AcceptsExactlyWhatThePatternsAcceptGivenRandomText()
    {
        var random = new Random(18);
        for (var i = 0; i < 20_000; i++)
        {
            var name = Text(random, random.Next(0, 8));
            var language = Text(random, random.Next(0, 14));

            var parsed = TemplateName.Parse(name, language);

            Assert.True(parsed.IsSuccess == (name.Length > 0 && Name.IsMatch(name) && Language.IsMatch(language)), $"'{name}' / '{language}'");
        }
    }

    private static string Text(Random random, int length) =>
        string.Create(length, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[r.Next(Alphabet.Length)];
            }
        });
}
