namespace WabaActors.Storage.Tests.Grains;

[Alias("storage-tests.IReminderGrain")]
public interface IReminderGrain : IGrainWithStringKey
{
    [Alias("Start")]
    ValueTask StartAsync(TimeSpan dueTime, TimeSpan period);

    /// <summary>Ticks received by this activation.</summary>
    [Alias("Ticks")]
    ValueTask<int> TicksAsync();

    [Alias("Stop")]
    ValueTask StopAsync();
}
