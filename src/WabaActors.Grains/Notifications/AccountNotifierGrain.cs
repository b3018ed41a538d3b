using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WabaActors.Grains.Storage;
using WabaActors.Grains.Time;

namespace WabaActors.Grains.Notifications;

/// <summary>
/// The outbox reader of one account (ADR 0012). One delivery loop per activation reads the history
/// after the durable cursor, sends a batch, and moves the cursor only after a 2xx, so events leave
/// strictly in order and a crash before the cursor write sends them again. Calls (a poke, a
/// reminder tick) only wake the loop; the loop alone awaits the endpoint and writes the state.
/// </summary>
public sealed partial class AccountNotifierGrain(
    [PersistentState("notifier", StorageNames.Grains)] IPersistentState<NotifierState> state,
    IHistoryStore history,
    INotificationSender sender,
    [FromKeyedServices(WabaClock.Key)] TimeProvider clock,
    IOptions<NotificationOptions> options,
    IOptions<GrainOptions> grainOptions,
    NotificationMetrics metrics,
    ILogger<AccountNotifierGrain> logger) : Grain, IAccountNotifierGrain, IRemindable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _pump = Task.CompletedTask;
    private string? _tenant;
    private bool _woken;

    private string Waba => this.GetPrimaryKeyString();

    public Task PokeAsync(string tenant, long lastSequence)
    {
        _tenant ??= tenant;
        Wake();
        return Task.CompletedTask;
    }

    public async Task ExpectAsync(string tenant, long sequence)
    {
        _tenant ??= tenant;
        _expected = Math.Max(_expected, sequence);
        _ticksSinceExpected = 0;

        // A disarm under way (the loop had caught up) finishes first; then the reminder is armed again.
        await _disarming;
        await ArmAsync();
    }

    public ValueTask<long> GetDeliveredAsync() => ValueTask.FromResult(state.State.Delivered);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _ticksSinceExpected++;
        Wake();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await _pump.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Deactivation's own time ran out; the loop stops at its next await.
        }

        metrics.CaughtUp(Waba);
    }

    /// <summary>Starts the loop unless it runs; a running loop reads the history again before it stops.</summary>
    private void Wake()
    {
        _woken = true;
        if (_pump.IsCompleted && !_stopping.IsCancellationRequested)
        {
            _pump = PumpAsync(_stopping.Token);
        }
    }
}
