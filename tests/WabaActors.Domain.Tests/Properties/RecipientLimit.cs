using WabaActors.Domain.Messaging;

namespace WabaActors.Domain.Tests.Properties;

/// <summary>The template-recipient rule checked on what a quota counted: at most the limit in any half-open 24 h.</summary>
public static class RecipientLimit
{
    public static void Holds(IReadOnlyList<RecipientCounted> counted, int limit)
    {
        // The busiest [t, t + 24 h) starts at some counted instant, so checking those suffices.
        var day = TimeSpan.FromHours(24).Ticks;
        foreach (var from in counted)
        {
            var inside = counted.Count(c => c.AtTicks >= from.AtTicks && c.AtTicks < from.AtTicks + day);
            Assert.True(inside <= limit, $"{inside} recipients counted in [{from.At:O}, +24h) with limit {limit}");
        }
    }
}
