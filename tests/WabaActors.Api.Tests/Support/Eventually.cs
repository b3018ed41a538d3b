namespace WabaActors.Api.Tests.Support;

/// <summary>Polls for something the host does asynchronously (a reminder firing), within an overall timeout.</summary>
public static class Eventually
{
    /// <summary>How often the condition is asked again: the wait ends as soon as it holds, or fails at the timeout.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

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

            await Task.Delay(PollInterval);
        }
    }
}
