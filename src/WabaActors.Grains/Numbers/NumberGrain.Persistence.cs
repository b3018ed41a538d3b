using Orleans.Storage;
using WabaActors.Contracts;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Numbers;
using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Numbers;
using WabaActors.Domain.Onboarding;
using WabaActors.Grains.Translation;
using WabaActors.Grains.Storage;
using WabaActors.Grains.Telemetry;

namespace WabaActors.Grains.Numbers;

/// <summary>
/// Writing a change: the state with its history entries in the outbox (one write), then the entries
/// to the account. If the account cannot be told now, the outbox reminder retries until it can; the
/// entries are numbered, so the account records one it already has only once (ADR 0027).
/// </summary>
public sealed partial class NumberGrain
{
    private const string OutboxReminder = "account-outbox";
    private const string DisplayNameReminder = "display-name-due";

    private async ValueTask<Reply<NumberView>> ApplyAsync(Scope owner, Result<Changed<NumberRegistration>> result, bool registered = false)
    {
        if (!result.IsSuccess)
        {
            return result.Error!.ToFailure();
        }

        var change = result.Value;
        if (change.HasChanges)
        {
            Number = change.State;
            state.State.Outbox.AddRange(change.Events.Select(e => e.ToEntry() with { Sequence = ++state.State.OutboxSequence }));
            state.State.RegistrationUnannounced |= registered;
            await this.RegisterOrUpdateReminder(OutboxReminder, options.Value.ReminderPeriod, options.Value.ReminderPeriod);
            await WriteAsync();
            NumberLog.Changed(logger, PersonalData.Hash(Phone), owner.Waba, string.Join(',', change.Events.Select(e => e.Type)));
            await FlushOutboxAsync();
            await EnsureDisplayNameReminderAsync(change.State);
        }

        return change.State.ToView(rules, clock.GetUtcNow());
    }

    /// <summary>Writes the state; on failure this activation is dropped so the next one reloads (<see cref="StateWrites"/>, ADR 0027).</summary>
    private Task WriteAsync() => state.WriteOrDropAsync(DeactivateOnIdle);

    /// <summary>Tells the account what changed; on success the outbox is emptied and its reminder dropped.</summary>
    private async Task FlushOutboxAsync()
    {
        if (Number is not { } number || state.State.Outbox.Count == 0)
        {
            return;
        }

        try
        {
            var account = GrainFactory.Reference<IAccountGrain>(number.Waba);
            var gate = await account.NumberChangedAsync(Phone, [.. state.State.Outbox], state.State.RegistrationUnannounced);
            KeepGate(gate);
            state.State.Outbox.Clear();
            state.State.RegistrationUnannounced = false;
            await WriteAsync();
            if (await this.GetReminder(OutboxReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException and not InconsistentStateException)
        {
            NumberLog.OutboxDeferred(logger, PersonalData.Hash(Phone), number.Waba, e);
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == OutboxReminder)
        {
            await FlushOutboxAsync();
            if (state.State.Outbox.Count == 0 && await this.GetReminder(OutboxReminder) is { } stale)
            {
                await this.UnregisterReminder(stale);
            }
        }
        else if (reminderName == DisplayNameReminder && Number is { } number)
        {
            var now = clock.GetUtcNow();
            var change = number.DisplayNameDeadlineReached(now);
            if (change.HasChanges)
            {
                metrics.ReminderLate(DeadlineReminder.DisplayName, now - number.DisplayName!.Review.DueAt);
            }

            await ApplyAsync(new Scope(number.Tenant, number.Waba), change);
            await EnsureDisplayNameReminderAsync(Number!);
        }
    }

    /// <summary>A pending display-name review not yet raised overdue has a reminder at its due instant.</summary>
    private async Task EnsureDisplayNameReminderAsync(NumberRegistration number)
    {
        var review = number.DisplayName?.Review;
        var wanted = review is { Status: ReviewStatus.Pending, OverdueRaised: false };
        var existing = await this.GetReminder(DisplayNameReminder);
        if (!wanted && existing is not null)
        {
            await this.UnregisterReminder(existing);
        }
        else if (wanted && existing is null)
        {
            var due = review!.DueAt - clock.GetUtcNow();
            await this.RegisterOrUpdateReminder(DisplayNameReminder, due > TimeSpan.Zero ? due : TimeSpan.Zero, options.Value.ReminderPeriod);
        }
    }
}
