using System.Diagnostics;

namespace WabaActors.Tests.Shared;

/// <summary>
/// Waits for a condition that something asynchronous (a reminder, a push, a restarted silo) makes true:
/// polls it, never sleeps a fixed time, and fails with what it last saw once the deadline passes.
/// Compiled into the grain, API, storage and durability tests (tests/Shared).
/// </summary>
public static class Eventually
{
    /// <summary>The limit of <see cref="GetAsync{T}"/> and <see cref="TrueAsync"/>.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How often <see cref="Until"/> asks again.</summary>
    private static readonly TimeSpan UntilPollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>How often <see cref="GetAsync{T}"/> probes again.</summary>
    private static readonly TimeSpan GetPollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>How often <see cref="ReachedAsync{T}"/> probes again.</summary>
    private static readonly TimeSpan ReachedPollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Asks <paramref name="condition"/> until it holds, running <paramref name="between"/> (when given)
    /// between two asks; fails the test after <paramref name="timeout"/>.
    /// </summary>
    public static async Task Until(Func<Task<bool>> condition, TimeSpan timeout, string what, Func<Task>? between = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0} s: {what}.");
            }

            if (between is not null)
            {
                await between();
            }

            await Task.Delay(UntilPollInterval);
        }
    }

    /// <summary>
    /// Probes until <paramref name="done"/> (at most <see cref="DefaultTimeout"/>); when given,
    /// <paramref name="nudge"/> runs after each <paramref name="nudgeEvery"/> of real time without success.
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

            await Task.Delay(GetPollInterval);
        }
    }

    /// <summary><see cref="GetAsync{T}"/> for a yes/no condition.</summary>
    public static Task TrueAsync(Func<Task<bool>> condition, string what) => GetAsync(condition, ok => ok, what);

    /// <summary>
    /// Probes until <paramref name="done"/>, at most <paramref name="timeout"/>. A probe that throws fails
    /// the wait at once, unless <paramref name="retry"/> says the failure is transient (a silo being
    /// killed, a host starting): then it is probed again until the deadline, and the last failure is rethrown.
    /// </summary>
    public static async Task<T> ReachedAsync<T>(
        Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what, Func<Exception, bool>? retry = null)
    {
        var watch = Stopwatch.StartNew();
        var last = "nothing yet";
        while (true)
        {
            try
            {
                var value = await probe();
                if (done(value))
                {
                    return value;
                }

                last = $"value {value}";
            }
            catch (Exception e) when (retry is not null && retry(e) && watch.Elapsed < timeout)
            {
                last = $"{e.GetType().Name}: {e.Message}";
            }

            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"{what} not reached within {timeout.TotalSeconds:0} s; last seen: {last}");
            }

            await Task.Delay(ReachedPollInterval);
        }
    }
}
