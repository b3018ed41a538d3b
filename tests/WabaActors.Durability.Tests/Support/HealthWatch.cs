using System.Diagnostics;

namespace WabaActors.Durability.Tests.Support;

/// <summary>
/// Probes a host's <c>/health/ready</c> and <c>/health/live</c> every 100 ms (as a load balancer and
/// Kubernetes would), keeping each answer's status (0: no answer) and when it came.
/// </summary>
public sealed class HealthWatch(HttpClient http, Stopwatch clock)
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    private readonly List<(TimeSpan At, int Ready, int Live)> _probes = [];

    public IReadOnlyList<(TimeSpan At, int Ready, int Live)> Probes
    {
        get
        {
            lock (_probes)
            {
                return [.. _probes];
            }
        }
    }

    public async Task RunAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Period);
        try
        {
            do
            {
                var (ready, live) = (await StatusAsync("/health/ready"), await StatusAsync("/health/live"));
                lock (_probes)
                {
                    _probes.Add((clock.Elapsed, ready, live));
                }
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The watch ends with the test's load.
        }
    }

    /// <summary>When <c>/health/ready</c> first answered <paramref name="status"/> at or after <paramref name="after"/>; null if it never did.</summary>
    public TimeSpan? FirstReady(int status, TimeSpan after) =>
        Probes.Where(p => p.At >= after && p.Ready == status).Select(p => (TimeSpan?)p.At).FirstOrDefault();

    private async Task<int> StatusAsync(string path)
    {
        try
        {
            using var response = await http.GetAsync(path);
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }
}
