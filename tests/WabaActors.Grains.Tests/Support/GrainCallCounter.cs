using System.Collections.Concurrent;

namespace WabaActors.Grains.Tests.Support;

/// <summary>Counts grain calls per interface as they arrive at the silo, to measure a permit's hops.</summary>
public sealed class GrainCallCounter : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<string, int> Calls = new(StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(Calls);

    public static void Reset() => Calls.Clear();

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
