using System.Globalization;

namespace WabaActors.Benchmarks;

/// <summary>
/// The host's memory, from outside: its Prometheus endpoint (<c>GET /metrics</c>, the runtime's
/// <c>dotnet_gc_last_collection_heap_size_bytes</c> per generation, summed, and the GC's committed
/// bytes) and, when it runs on this machine, its resident set (<c>/proc/PID/status</c> VmRSS).
/// </summary>
public sealed class HostProbe(HttpClient http, string metricsPath, int? pid)
{
    public async Task Sample(LoadMinute minute)
    {
        try
        {
            var text = await http.GetStringAsync(metricsPath);
            minute.HeapBytes = Sum(text, "dotnet_gc_last_collection_heap_size_bytes{");
            minute.CommittedBytes = Sum(text, "dotnet_gc_last_collection_memory_committed_size_bytes{");
            minute.Gen2 = Sum(text, "dotnet_gc_collections_total{", "gc_heap_generation=\"gen2\"");
        }
        catch (HttpRequestException e)
        {
            Console.Error.WriteLine("load: " + metricsPath + ": " + e.Message);
        }
        catch (TaskCanceledException)
        {
            Console.Error.WriteLine("load: " + metricsPath + ": timed out");
        }

        minute.RssBytes = Rss();
    }

    private double? Rss()
    {
        var path = $"/proc/{pid}/status";
        if (pid is null || !File.Exists(path))
        {
            return null;
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? null : double.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>The sum of the samples of a metric (its name and the opening brace), or null when there is none.</summary>
    private static double? Sum(string text, string name, string? label = null)
    {
        double? sum = null;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(name, StringComparison.Ordinal) && (label is null || line.Contains(label, StringComparison.Ordinal)))
            {
                var value = line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0];
                sum = (sum ?? 0) + double.Parse(value, CultureInfo.InvariantCulture);
            }
        }

        return sum;
    }
}
