using System.Globalization;
using System.Text;

namespace WabaActors.Benchmarks;

/// <summary>
/// The soak's results (<see cref="OpenLoad"/>): a Markdown table per minute, the verdict "nothing grows
/// without bound" and an SVG chart beside it (heap and RSS in MB, p99 in ms, against minutes).
/// The verdict compares the growth over the last third of the run with the first third and with what
/// the retention of <see cref="SoakModel"/> explains for the answers granted in the last third.
/// </summary>
public static class SoakReport
{
    private const double Mb = 1 << 20;

    public static void Write(string outPath, IReadOnlyList<string> header, IReadOnlyList<LoadMinute> samples, double rate, SoakModel model)
    {
        var minutes = samples.Count - 1;
        var md = new StringBuilder();
        foreach (var line in header)
        {
            md.AppendLine(line);
        }

        var svg = Path.ChangeExtension(outPath, ".svg");
        Chart(svg, samples);
        md.AppendLine()
            .AppendLine(Inv($"![GC heap and RSS (MB) and p99 (ms) per minute]({Path.GetFileName(svg)})"))
            .AppendLine()
            .AppendLine("| minute | requests | req/s | errors | not granted | p50 ms | p99 ms | max ms | heap MB | GC committed MB | RSS MB | gen-2 GCs |")
            .AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var m in samples)
        {
            md.AppendLine(m.Minute == 0
                ? Inv($"| 0 (before) | | | | | | | | {OpenLoad.Mb(m.HeapBytes)} | {OpenLoad.Mb(m.CommittedBytes)} | {OpenLoad.Mb(m.RssBytes)} | {m.Gen2:0} |")
                : Inv($"| {m.Minute} | {m.Done:N0} | {m.Done / 60.0:N0} | {m.Errors:N0} | {m.NotGranted:N0} | {m.P50:0.00} | {m.P99:0.00} | {m.Max:0.0} | {OpenLoad.Mb(m.HeapBytes)} | {OpenLoad.Mb(m.CommittedBytes)} | {OpenLoad.Mb(m.RssBytes)} | {m.Gen2:0} |"));
        }

        var loaded = samples.Skip(1).ToList();
        var granted = Enum.GetValues<LoadKind>().ToDictionary(k => k, k => loaded.Sum(m => m.Granted(k)));
        md.AppendLine()
            .AppendLine(Inv($"Target {rate:N0} req/s; sent {loaded.Sum(m => m.Done):N0}, errors {loaded.Sum(m => m.Errors):N0}, not granted {loaded.Sum(m => m.NotGranted):N0}. ")
                + Inv($"Granted: {granted[LoadKind.Inbound]:N0} inbound, {granted[LoadKind.Session]:N0} session permits, {granted[LoadKind.TemplateNew]:N0} templates to new recipients, {granted[LoadKind.TemplateCounted]:N0} to counted ones. ")
                + Inv($"p99 over the minutes: median {Median(loaded.Select(m => m.P99)):0.00} ms, max {loaded.Max(m => m.P99):0.00} ms."))
            .AppendLine();
        Verdict(md, samples, model);
        File.WriteAllText(outPath, md.ToString());
    }

    /// <summary>Growth over the first and last thirds, against the retention expected for what was granted in them.</summary>
    private static void Verdict(StringBuilder md, IReadOnlyList<LoadMinute> samples, SoakModel model)
    {
        var minutes = samples.Count - 1;
        var third = Math.Max(1, minutes / 3);
        md.AppendLine("## Verdict: does anything grow without bound?")
            .AppendLine()
            .AppendLine(Inv($"Expected growth by retention (docs/capacity.md): {model.InboundBytes:0} B per inbound message id and {model.GrantBytes:0} B per template grant, both kept 24 h; ")
                + Inv($"{model.RecipientBytes:0} B more per recipient counted for the first time (the quota's day); {model.SessionBytes:0} B per session grant, kept {model.SessionHorizonMinutes:0.#} min ")
                + "(so session grants stop adding once the run is older than that). These grow linearly for a day by design. "
                + Inv($"Growth is the least-squares slope over the minutes of a third ({third} min) times its length; the heap is the GC heap after its last collection, summed over generations (host's `/metrics`), RSS is `/proc/PID/status` VmRSS."))
            .AppendLine();
        if (minutes < 6)
        {
            md.AppendLine(Inv($"**Too short for a verdict** ({minutes} min): the thirds below are single minutes, dominated by warm-up and GC timing; run `SOAK_MINUTES=30`.")).AppendLine();
        }

        var firstExpected = Expected(samples, 0, third, model);
        var lastExpected = Expected(samples, minutes - third, minutes, model);
        md.AppendLine("| | first third | last third | expected by retention, last third | beyond expected | verdict |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var (name, value, slack) in new (string, Func<LoadMinute, double?>, double)[]
        {
            ("GC heap", m => m.HeapBytes, 32 * Mb),
            ("RSS", m => m.RssBytes, 64 * Mb),
        })
        {
            var first = Growth(samples, 0, third, value);
            var last = Growth(samples, minutes - third, minutes, value);
            if (first is null || last is null)
            {
                md.AppendLine(Inv($"| {name} | – | – | {lastExpected / Mb:0.0} MB | – | not measured |"));
                continue;
            }

            var beyond = last.Value - lastExpected;
            var tolerance = Math.Max(slack, 0.5 * lastExpected);
            var verdict = beyond <= tolerance
                ? (last.Value < first.Value ? "bounded: slower than in the first third, within retention" : "bounded: within what retention explains")
                : Inv($"**grows beyond retention** ({beyond / Mb:0.0} MB more than expected, tolerance {tolerance / Mb:0} MB)");
            md.AppendLine(Inv($"| {name} | {first.Value / Mb:+0.0;-0.0} MB | {last.Value / Mb:+0.0;-0.0} MB | {lastExpected / Mb:+0.0} MB | {beyond / Mb:+0.0;-0.0} MB | {verdict} |"));
        }

        md.AppendLine()
            .AppendLine(Inv($"Expected by retention over the first third: {firstExpected / Mb:+0.0} MB (the first third also holds warm-up: activations, JIT, pools). ")
                + "A growth beyond the expected by more than the tolerance (the larger of half the expected and 32 MB for the heap, 64 MB for RSS) is flagged; p99 per minute is in the table and the chart.");
    }

    /// <summary>Bytes the model keeps for what was granted in minutes (from, to], minus session grants leaving their horizon.</summary>
    private static double Expected(IReadOnlyList<LoadMinute> samples, int from, int to, SoakModel model)
    {
        double bytes = 0;
        for (var j = from + 1; j <= to; j++)
        {
            var m = samples[j];
            bytes += m.Granted(LoadKind.Inbound) * model.InboundBytes
                + m.Granted(LoadKind.TemplateNew) * (model.GrantBytes + model.RecipientBytes)
                + m.Granted(LoadKind.TemplateCounted) * model.GrantBytes
                + m.Granted(LoadKind.Session) * model.SessionBytes;
            var leaving = j - (int)Math.Ceiling(model.SessionHorizonMinutes);
            if (leaving >= 1)
            {
                bytes -= samples[leaving].Granted(LoadKind.Session) * model.SessionBytes;
            }
        }

        return bytes;
    }

    /// <summary>Least-squares slope of the samples from..to (inclusive) times the minutes between them.</summary>
    private static double? Growth(IReadOnlyList<LoadMinute> samples, int from, int to, Func<LoadMinute, double?> value)
    {
        var points = Enumerable.Range(from, to - from + 1).Select(i => (X: (double)i, Y: value(samples[i]))).Where(p => p.Y is not null).Select(p => (p.X, Y: p.Y!.Value)).ToList();
        if (points.Count < 2)
        {
            return null;
        }

        var mx = points.Average(p => p.X);
        var my = points.Average(p => p.Y);
        var sxx = points.Sum(p => (p.X - mx) * (p.X - mx));
        return sxx == 0 ? null : points.Sum(p => (p.X - mx) * (p.Y - my)) / sxx * (to - from);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>A hand-written SVG: heap and RSS (MB, left axis) and p99 (ms, right axis) against minutes.</summary>
    private static void Chart(string path, IReadOnlyList<LoadMinute> samples)
    {
        const double W = 960, H = 420, L = 70, R = 70, T = 50, B = 50;
        var minutes = Math.Max(1, samples.Count - 1);
        var mbMax = Top(samples.Max(m => Math.Max(m.HeapBytes ?? 0, m.RssBytes ?? 0)) / Mb * 1.05);
        var msMax = Top(samples.Skip(1).Select(m => m.P99).DefaultIfEmpty(1).Max() * 1.05);
        double X(double minute) => L + minute / minutes * (W - L - R);
        double Y(double value, double max) => T + (1 - value / max) * (H - T - B);

        var svg = new StringBuilder();
        svg.AppendLine(Inv($"""<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" font-family="sans-serif" font-size="12">"""))
            .AppendLine(Inv($"""<rect width="{W}" height="{H}" fill="white"/>"""))
            .AppendLine(Inv($"""<text x="{W / 2}" y="20" text-anchor="middle" font-size="15">Soak: GC heap and RSS (MB, left) and p99 (ms, right) per minute</text>"""));
        foreach (var tick in Ticks(mbMax))
        {
            var y = Y(tick, mbMax);
            svg.AppendLine(Inv($"""<line x1="{L}" y1="{y:0.0}" x2="{W - R}" y2="{y:0.0}" stroke="#e5e5e5"/><text x="{L - 6}" y="{y + 4:0.0}" text-anchor="end">{tick:0.##}</text>"""));
        }

        foreach (var tick in Ticks(msMax))
        {
            svg.AppendLine(Inv($"""<text x="{W - R + 6}" y="{Y(tick, msMax) + 4:0.0}" fill="#c0392b">{tick:0.##}</text>"""));
        }

        var step = Math.Max(1, (int)Nice(minutes / 10.0));
        for (var m = 0; m <= minutes; m += step)
        {
            svg.AppendLine(Inv($"""<line x1="{X(m):0.0}" y1="{H - B}" x2="{X(m):0.0}" y2="{H - B + 5}" stroke="black"/><text x="{X(m):0.0}" y="{H - B + 18}" text-anchor="middle">{m}</text>"""));
        }

        svg.AppendLine(Inv($"""<rect x="{L}" y="{T}" width="{W - L - R}" height="{H - T - B}" fill="none" stroke="black"/>"""))
            .AppendLine(Inv($"""<text x="{W / 2}" y="{H - 10}" text-anchor="middle">minutes</text>"""))
            .AppendLine(Inv($"""<text x="18" y="{H / 2}" text-anchor="middle" transform="rotate(-90 18 {H / 2})">MB</text>"""))
            .AppendLine(Inv($"""<text x="{W - 18}" y="{H / 2}" text-anchor="middle" fill="#c0392b" transform="rotate(90 {W - 18} {H / 2})">p99 ms</text>"""));
        Series(svg, samples.Where(m => m.HeapBytes is not null).Select(m => (X(m.Minute), Y(m.HeapBytes!.Value / Mb, mbMax))), "#1f77b4", null);
        Series(svg, samples.Where(m => m.RssBytes is not null).Select(m => (X(m.Minute), Y(m.RssBytes!.Value / Mb, mbMax))), "#ff7f0e", null);
        Series(svg, samples.Skip(1).Select(m => (X(m.Minute), Y(m.P99, msMax))), "#c0392b", "6 4");
        var legend = new[] { ("GC heap (MB)", "#1f77b4", ""), ("RSS (MB)", "#ff7f0e", ""), ("p99 (ms)", "#c0392b", " stroke-dasharray=\"6 4\"") };
        for (var i = 0; i < legend.Length; i++)
        {
            var x = L + 10 + i * 150;
            svg.AppendLine(Inv($"""<line x1="{x}" y1="38" x2="{x + 24}" y2="38" stroke="{legend[i].Item2}" stroke-width="2"{legend[i].Item3}/><text x="{x + 30}" y="42">{legend[i].Item1}</text>"""));
        }

        svg.AppendLine("</svg>");
        File.WriteAllText(path, svg.ToString());
    }

    private static void Series(StringBuilder svg, IEnumerable<(double X, double Y)> points, string colour, string? dash)
    {
        var list = points.ToList();
        if (list.Count == 0)
        {
            return;
        }

        svg.AppendLine(Inv($"""<polyline fill="none" stroke="{colour}" stroke-width="2"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")} points="{string.Join(' ', list.Select(p => Inv($"{p.X:0.0},{p.Y:0.0}")))}"/>"""));
        if (list.Count <= 61)
        {
            foreach (var (x, y) in list)
            {
                svg.AppendLine(Inv($"""<circle cx="{x:0.0}" cy="{y:0.0}" r="2.5" fill="{colour}"/>"""));
            }
        }
    }

    /// <summary>The smallest 1, 2 or 5 × 10ⁿ at or above <paramref name="value"/>.</summary>
    private static double Nice(double value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return new[] { 1, 2, 5, 10 }.Select(f => f * power).First(v => v >= value * 0.999);
    }

    /// <summary>An axis' end: <paramref name="value"/> rounded up to its tick step.</summary>
    private static double Top(double value) => Math.Ceiling(value / Nice(value / 6)) * Nice(value / 6);

    private static IEnumerable<double> Ticks(double max)
    {
        var step = Nice(max / 6);
        for (var v = 0.0; v <= max * 1.0001; v += step)
        {
            yield return v;
        }
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
