using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace WabaActors.Benchmarks;

/// <summary>
/// The <c>load</c> mode: an open-loop load generator at a fixed rate (wrk has none). A scheduler gives
/// request i the instant start + i / rate and sends every request whose instant has come, whatever is
/// still in flight (HttpClient over <see cref="SocketsHttpHandler"/>, up to <c>connections</c>
/// connections); a request's latency runs from its scheduled instant, not from when it got a
/// connection, so a stalled host shows in the latency instead of slowing the load (no coordinated
/// omission). The requests are <see cref="LoadMix"/>'s. Every minute: requests, errors, p50/p99 of the
/// requests scheduled in it, and the host's heap and RSS (<see cref="HostProbe"/>) at its end; then
/// <see cref="SoakReport"/> writes the Markdown table, the verdict and the chart.
/// </summary>
public sealed class OpenLoad(HttpClient http, LoadMix mix, double rate, int minutes, int maxInFlight)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly LoadMinute[] _minutes = [.. Enumerable.Range(1, minutes).Select(m => new LoadMinute(m))];
    private long _inFlight;
    private int _complaints;

    public static async Task<int> RunAsync(string url, string numbersPath, double rate, int minutes, int connections,
        int? pid, string metricsPath, string outPath, string? headerPath, SoakModel model)
    {
        if (rate <= 0 || minutes < 1 || connections < 1)
        {
            Console.Error.WriteLine("load: --rate > 0, --minutes ≥ 1, --connections ≥ 1");
            return 2;
        }

        var run = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 100_000).ToString(CultureInfo.InvariantCulture);
        var mix = new LoadMix(await File.ReadAllLinesAsync(numbersPath), run);
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            UseProxy = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
        using var probeHttp = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
        var probe = new HostProbe(probeHttp, metricsPath, pid);
        var before = new LoadMinute(0);
        await probe.Sample(before);
        Console.WriteLine(Line(before, 0));

        var load = new OpenLoad(http, mix, rate, minutes, maxInFlight: connections * 64);
        await load.Run(probe);
        SoakReport.Write(outPath, headerPath is null ? [] : await File.ReadAllLinesAsync(headerPath), [before, .. load._minutes], rate, model);
        Console.WriteLine("written " + outPath + " and " + Path.ChangeExtension(outPath, ".svg"));
        return 0;
    }

    private async Task Run(HostProbe probe)
    {
        var start = Stopwatch.GetTimestamp();
        var perRequest = Stopwatch.Frequency / rate;
        var perMinute = rate * 60;
        var total = (long)(perMinute * minutes);
        var reporter = Report(probe, start);
        // Sends what is due each millisecond tick (each request's latency runs from its own due instant).
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(1));
        for (long i = 0; i < total;)
        {
            var now = Stopwatch.GetTimestamp();
            for (; i < total && start + (long)(i * perRequest) <= now; i++)
            {
                var minute = _minutes[Math.Min(minutes - 1, (int)(i / perMinute))];
                if (Interlocked.Read(ref _inFlight) >= maxInFlight)
                {
                    minute.Skip();
                    continue;
                }

                minute.Start();
                Interlocked.Increment(ref _inFlight);
                _ = Send(i, start + (long)(i * perRequest), minute);
            }

            await tick.WaitForNextTickAsync();
        }

        await reporter;
    }

    private async Task Send(long counter, long due, LoadMinute minute)
    {
        var (path, body, kind) = mix.Request(counter, DateTimeOffset.UtcNow);
        bool failed = true, granted = false;
        try
        {
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.ContentType = Json;
            using var response = await http.PostAsync(path, content);
            var text = await response.Content.ReadAsStringAsync();
            failed = !response.IsSuccessStatusCode;
            granted = !failed && text.Contains(kind == LoadKind.Inbound ? "\"open\":true" : "\"allowed\":true", StringComparison.Ordinal);
            if (!granted)
            {
                Complain($"{kind} {path}: {(int)response.StatusCode} {text}");
            }
        }
        catch (HttpRequestException e)
        {
            Complain($"{kind} {path}: {e.Message}");
        }
        catch (TaskCanceledException)
        {
            Complain($"{kind} {path}: timed out");
        }

        minute.Finish(kind, (Stopwatch.GetTimestamp() - due) * 1_000_000 / Stopwatch.Frequency, failed, granted);
        Interlocked.Decrement(ref _inFlight);
    }

    /// <summary>At each minute's end: the host's memory, then the minute's figures once its requests are answered.</summary>
    private async Task Report(HostProbe probe, long start)
    {
        foreach (var minute in _minutes)
        {
            var end = start + minute.Minute * 60 * Stopwatch.Frequency;
            var wait = TimeSpan.FromSeconds((double)(end - Stopwatch.GetTimestamp()) / Stopwatch.Frequency);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            await probe.Sample(minute);
            // Its requests answered, or 15 s at most (a request times out after 10 s).
            await Task.WhenAny(minute.WhenSettled(), Task.Delay(TimeSpan.FromSeconds(15)));

            minute.Close();
            Console.WriteLine(Line(minute, rate));
        }
    }

    private void Complain(string what)
    {
        if (Interlocked.Increment(ref _complaints) <= 5)
        {
            Console.Error.WriteLine("load: " + (what.Length > 300 ? what[..300] : what));
        }
    }

    private static string Line(LoadMinute m, double rate) => string.Create(CultureInfo.InvariantCulture,
        $"minute {m.Minute}: {m.Done:N0} done (target {rate * 60:N0}), errors {m.Errors:N0}, not granted {m.NotGranted:N0}, "
        + $"p50 {m.P50:0.00} ms, p99 {m.P99:0.00} ms, heap {Mb(m.HeapBytes)} MB, committed {Mb(m.CommittedBytes)} MB, RSS {Mb(m.RssBytes)} MB, gen2 {m.Gen2:0}");

    internal static string Mb(double? bytes) => bytes is { } b ? (b / (1 << 20)).ToString("0", CultureInfo.InvariantCulture) : "–";
}
