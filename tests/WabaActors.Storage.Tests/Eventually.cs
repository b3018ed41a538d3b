namespace WabaActors.Storage.Tests;

/// <summary>Waits for a condition by polling it, failing with the last value once the deadline passes.</summary>
public static class Eventually
{
    public static async Task<T> ReachedAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{what} not reached within {timeout}; last value: {value}");
            }
        }
    }
}
