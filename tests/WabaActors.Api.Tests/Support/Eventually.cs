namespace WabaActors.Api.Tests.Support;

/// <summary>Polls for something the host does asynchronously (a reminder firing), within an overall timeout.</summary>
public static class Eventually
{
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

            await Task.Delay(50);
        }
    }
}
