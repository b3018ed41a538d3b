using System.Diagnostics;

namespace WabaActors.Durability.Tests.Support;

/// <summary>Waits for a condition by polling it (never a fixed sleep), failing with the last value or error once the deadline passes.</summary>
public static class Eventually
{
    public static async Task<T> ReachedAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Settings.Timeout;
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
            catch (Exception e) when (e is not HostFailedException && watch.Elapsed < limit)
            {
                last = $"{e.GetType().Name}: {e.Message}";
            }

            if (watch.Elapsed > limit)
            {
                throw new TimeoutException($"{what} not reached within {limit.TotalSeconds:0} s; last seen: {last}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
