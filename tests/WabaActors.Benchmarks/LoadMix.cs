using System.Globalization;

namespace WabaActors.Benchmarks;

/// <summary>
/// The mixed load of <c>deploy/bench.sh http-pg</c> and <c>soak</c>, request by request (the same as
/// <c>WrkMixed.lua</c>): by counter mod 8, 0–1 an inbound message from a customer with an open window,
/// 2–4 a session permit to such a customer, 5–6 a template to a new recipient, 7 a template to a
/// recipient already counted; so a quarter inbound and, of the permits, half session, a third templates
/// to new recipients. Numbers and customers are http-setup's (<c>path windowBase windows countedBase
/// counted</c>); each request has a new message id; a new recipient is <c>43</c> + a 5-digit run tag +
/// the counter in 8 digits (wrk's are <c>44…</c>, so the two never meet).
/// </summary>
public sealed class LoadMix
{
    private readonly (string Path, int WindowBase, int Windows, int CountedBase, int Counted)[] _numbers;
    private readonly string _prefix;
    private readonly string _tag;

    public LoadMix(IEnumerable<string> lines, string run)
    {
        _numbers = [.. lines.Select(l => l.Split(' ')).Where(p => p.Length == 5)
            .Select(p => (p[0], Int(p[1]), Int(p[2]), Int(p[3]), Int(p[4])))];
        if (_numbers.Length == 0)
        {
            throw new InvalidOperationException("load: no numbers (http-setup's lines: path windowBase windows countedBase counted)");
        }

        _prefix = "o" + run + "-";
        _tag = (int.Parse(run, CultureInfo.InvariantCulture) % 100_000).ToString("D5", CultureInfo.InvariantCulture);
    }

    public static LoadKind KindOf(long counter) => (counter % 8) switch
    {
        0 or 1 => LoadKind.Inbound,
        2 or 3 or 4 => LoadKind.Session,
        5 or 6 => LoadKind.TemplateNew,
        _ => LoadKind.TemplateCounted,
    };

    /// <summary>The path and JSON body of request <paramref name="counter"/>.</summary>
    public (string Path, string Body, LoadKind Kind) Request(long counter, DateTimeOffset now)
    {
        var n = _numbers[counter % _numbers.Length];
        var k = counter / _numbers.Length;
        var kind = KindOf(counter);
        var id = _prefix + counter.ToString(CultureInfo.InvariantCulture);
        var windowed = HttpSetup.Customer(n.WindowBase + (int)(k % n.Windows));
        return kind switch
        {
            LoadKind.Inbound => (n.Path + "/inbound", Body(windowed, id, null, now.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)), kind),
            LoadKind.Session => (n.Path + "/permits", Body(windowed, id, "session", null), kind),
            LoadKind.TemplateNew => (n.Path + "/permits", Body("43" + _tag + (counter % 100_000_000).ToString("D8", CultureInfo.InvariantCulture), id, "template", null), kind),
            _ => (n.Path + "/permits", Body(n.Counted > 0 ? HttpSetup.Customer(n.CountedBase + (int)(k % n.Counted)) : windowed, id, "template", null), kind),
        };
    }

    private static string Body(string customer, string messageId, string? type, string? timestamp) => type is null
        ? $$"""{"customer":"{{customer}}","messageId":"{{messageId}}","timestamp":"{{timestamp}}"}"""
        : $$"""{"customer":"{{customer}}","type":"{{type}}","messageId":"{{messageId}}"}""";

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
