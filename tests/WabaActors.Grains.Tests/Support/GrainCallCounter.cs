using System.Collections.Concurrent;

namespace WabaActors.Grains.Tests.Support;

/// <summary>
/// Counts grain calls per interface as they arrive at one silo, to measure a permit's hops. One
/// instance per silo (a singleton of its services), so the clusters of the two rule profiles, which
/// run side by side, never count each other's calls.
/// </summary>
public sealed class GrainCallCounter : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, int> Calls = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(Calls);

    public void Reset() => Calls.Clear();

    public Task Invoke(IIncomingGrainCallContext context)
    {
        var name = context.InterfaceName;
        if (name.Contains("WabaActors", StringComparison.Ordinal))
        {
            Calls.AddOrUpdate(name[(name.LastIndexOf('.') + 1)..], 1, (_, n) => n + 1);
        }

        return context.Invoke();
    }
}
