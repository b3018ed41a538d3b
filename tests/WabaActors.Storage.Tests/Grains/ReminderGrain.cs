namespace WabaActors.Storage.Tests.Grains;

public sealed class ReminderGrain : Grain, IReminderGrain, IRemindable
{
    public const string ReminderName = "tick";
    private int _ticks;

    public async ValueTask StartAsync(TimeSpan dueTime, TimeSpan period) =>
        await this.RegisterOrUpdateReminder(ReminderName, dueTime, period);

    public ValueTask<int> TicksAsync() => ValueTask.FromResult(_ticks);

    public async ValueTask StopAsync()
    {
        var reminder = await this.GetReminder(ReminderName);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _ticks++;
        return Task.CompletedTask;
    }
}
