using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;

namespace WabaActors.Benchmarks;

/// <summary>Prints each figure as it comes and, on request, writes them all as Markdown tables.</summary>
public sealed class Report(string title = "Domain micro-benchmarks", string latencyNote = "Latency is per op, from batches of ops timed together (ns).")
{
    private readonly List<Measurement> _timings = [];
    private readonly List<(string Name, double Bytes)> _memory = [];
    private readonly List<(string Name, Measurement Large, Measurement Small)> _ratios = [];

    public static string Environment => string.Create(CultureInfo.InvariantCulture,
        $"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {System.Environment.ProcessorCount} CPUs, "
        + $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC");

    public Measurement Add(Measurement m)
    {
        _timings.Add(m);
        Console.WriteLine(m);
        return m;
    }

    public void Ratio(string name, Measurement large, Measurement small)
    {
        _ratios.Add((name, large, small));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"  ratio " + name,-34} ops/s ×{large.OpsPerSecond / small.OpsPerSecond:0.00}  p50 ×{large.P50 / small.P50:0.00}  p99 ×{large.P99 / small.P99:0.00}"));
    }

    public void Memory(string name, double bytesPerEntry)
    {
        _memory.Add((name, bytesPerEntry));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-34} {bytesPerEntry,10:N1} bytes/entry"));
    }

    public void WriteMarkdown(string path)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"{title}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm}Z; {Environment}.");
        md.AppendLine(latencyNote).AppendLine();
        md.AppendLine("| scenario | ops/s | p50 ns | p99 ns | p999 ns | errors |").AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var m in _timings)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {m.Name} | {m.OpsPerSecond:N0} | {m.P50:N1} | {m.P99:N1} | {m.P999:N1} | {m.Errors} |");
        }

        md.AppendLine().AppendLine("| ratio (large / small) | ops/s | p50 | p99 |").AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var (name, large, small) in _ratios)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | ×{large.OpsPerSecond / small.OpsPerSecond:0.00} | ×{large.P50 / small.P50:0.00} | ×{large.P99 / small.P99:0.00} |");
        }

        md.AppendLine().AppendLine("| memory (GC heap delta) | bytes/entry |").AppendLine("| --- | ---: |");
        foreach (var (name, bytes) in _memory)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {bytes:N1} |");
        }

        File.WriteAllText(path, md.ToString());
        Console.WriteLine($"written {path}");
    }
}
