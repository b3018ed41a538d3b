using System.Diagnostics;

namespace WabaActors.Grains.Tests.Support;

/// <summary>Waits for a condition that something asynchronous (a reminder, a push) makes true; polls, never sleeps a fixed time.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Probes until <paramref name="done"/>; when given, <paramref name="nudge"/> runs after each
    /// <paramref name="nudgeEvery"/> of real time without success.
    /// </summary>
    public static async Task<T> GetAsync<T>(
        Func<Task<T>> probe, Func<T, bool> done, string what, Func<Task>? nudge = null, TimeSpan? nudgeEvery = null)
    {
        var watch = Stopwatch.StartNew();
        var every = nudgeEvery ?? TimeSpan.FromSeconds(1);
        var nextNudge = every;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (watch.Elapsed > DefaultTimeout)
            {
                throw new TimeoutException($"Waited {DefaultTimeout.TotalSeconds:0} s for {what}; last seen: {value}");
            }

            if (nudge is not null && watch.Elapsed > nextNudge)
            {
                await nudge();
                nextNudge += every;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    public static Task TrueAsync(Func<Task<bool>> condition, string what) => GetAsync(condition, ok => ok, what);
}
