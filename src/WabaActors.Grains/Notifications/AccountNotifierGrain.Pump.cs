using WabaActors.Grains.Storage;

namespace WabaActors.Grains.Notifications;

/// <summary>The delivery loop, and the reminder that restarts it after a crash while events are pending.</summary>
public sealed partial class AccountNotifierGrain
{
    private const string PendingReminder = "notifications-pending";
    private bool? _armed;
    private Task _disarming = Task.CompletedTask;

    // The highest sequence an account announced (ExpectAsync) in this activation: the reminder stays
    // armed until the cursor reaches it, or until two reminder ticks (a whole period) after the last
    // announcement found nothing new: that change never committed. In memory only: a new activation
    // woken by the reminder reads the history itself.
    private long _expected;
    private int _ticksSinceExpected;

    private bool AnnouncedChangesSettled => _expected <= state.State.Delivered || _ticksSinceExpected >= 2;

    private async Task PumpAsync(CancellationToken ct)
    {
        var failures = 0;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                _woken = false;
                var settings = options.Value;
                if (!settings.Enabled || await TenantAsync() is not { } tenant)
                {
                    await DisarmAsync();
                    return;
                }

                var batch = await history.ReadAsync(Waba, state.State.Delivered, settings.BatchSize, ct);
                if (batch.Count == 0)
                {
                    metrics.CaughtUp(Waba);
                    if (AnnouncedChangesSettled)
                    {
                        await DisarmAsync();
                    }

                    if (_woken)
                    {
                        continue;
                    }

                    return;
                }

                await ArmAsync();
                metrics.Pending(Waba, batch[0].Event.At);
                var outcome = await sender.SendAsync(new NotificationBatch(tenant, Waba, batch), ct);
                if (outcome.Delivered)
                {
                    failures = 0;
                    state.State.Delivered = batch[^1].Sequence;
                    await state.WriteStateAsync();
                    metrics.Delivered(batch.Count);
                    NotifierLog.Delivered(logger, Waba, batch[0].Sequence, batch[^1].Sequence);
                    continue;
                }

                failures++;
                var delay = Backoff.Next(settings, failures, outcome.RetryAfter, Random.Shared.NextDouble());
                var wait = Task.Delay(delay, clock, ct);
                Failed(batch, outcome, failures, delay); // after the wait is armed: a clock moved on seeing it moves the wait too
                await wait;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Deactivating: the cursor is as far as the endpoint acknowledged; the reminder resumes.
        }
        catch (Exception e)
        {
            // Storage failed (history read, cursor or reminder write): this activation may now hold a
            // cursor ahead of the stored one or a stale ETag, so it is dropped; the reminder or the
            // next poke activates a fresh one from storage, which resends from the stored cursor.
            NotifierLog.PumpFailed(logger, Waba, e);
            DeactivateOnIdle();
        }
    }

    private void Failed(IReadOnlyList<StoredEvent> batch, DeliveryOutcome outcome, int attempt, TimeSpan delay)
    {
        metrics.Failed(outcome.Status);
        var host = options.Value.Endpoint?.Host ?? "?";
        if (outcome.LooksMisconfigured)
        {
            NotifierLog.LikelyMisconfigured(logger, Waba, attempt, batch[0].Sequence, batch[^1].Sequence, host, outcome.Status, delay);
        }
        else
        {
            NotifierLog.AttemptFailed(logger, Waba, attempt, batch[0].Sequence, batch[^1].Sequence, host, outcome.Status, delay);
        }
    }

    /// <summary>The tenant, kept in the state from the first poke so a reminder alone can deliver.</summary>
    private async Task<string?> TenantAsync()
    {
        if (state.State.Tenant is null && _tenant is not null)
        {
            state.State.Tenant = _tenant;
            await state.WriteStateAsync();
        }

        return state.State.Tenant;
    }

    /// <summary>While events are pending, a durable reminder wakes this notifier after a crash or a lost poke.</summary>
    private async Task ArmAsync()
    {
        if (_armed != true)
        {
            var period = grainOptions.Value.ReminderPeriod;
            await this.RegisterOrUpdateReminder(PendingReminder, period, period);
            _armed = true;
        }
    }

    private Task DisarmAsync()
    {
        if (_armed == false)
        {
            return Task.CompletedTask;
        }

        _disarming = UnregisterAsync();
        return _disarming;

        async Task UnregisterAsync()
        {
            if (await this.GetReminder(PendingReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            _armed = false;
        }
    }
}
