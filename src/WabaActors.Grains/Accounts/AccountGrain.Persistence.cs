using WabaActors.Contracts;
using WabaActors.Contracts.Accounts;
using WabaActors.Domain.Events;
using WabaActors.Domain.Onboarding;
using WabaActors.Grains.Telemetry;
using WabaActors.Grains.Translation;
using WabaActors.Grains.Storage;

namespace WabaActors.Grains.Accounts;

/// <summary>Writing a change: state and its history entries in one write, then published; the gate pushed when it changed.</summary>
public sealed partial class AccountGrain
{
    private async Task SaveAsync(Changed<Account> change, string? skipGateFor = null)
    {
        var events = change.Events;
        if (events.Count == 0 && ReferenceEquals(change.State, state.State.Account))
        {
            return;
        }

        var gateBefore = Gate();
        var accountBefore = state.State.Account;
        var sequence = state.State.LastSequence;
        if (events.Count > 0)
        {
            await ExpectNotificationsAsync(change.State.Tenant, sequence + events.Count);
        }

        state.State.Unpublished = [.. events.Select(e => new StoredEvent(++sequence, e))];
        state.State.LastSequence = sequence;
        state.State.Account = change.State;
        await WriteAsync();
        try
        {
            await history.AppendAsync(Waba, state.State.Unpublished);
        }
        catch (Exception e)
        {
            // The change is committed with its entries, but they did not reach the history. The next
            // change would overwrite Unpublished and lose them: drop this activation instead, so the
            // next one re-appends them on activation.
            AccountLog.PublishFailed(logger, Waba, e);
            DeactivateOnIdle();
            throw;
        }

        await PokeNotifierAsync();
        if (events.Count > 0)
        {
            AccountLog.Changed(logger, Waba, string.Join(',', events.Select(e => e.Type)));
        }

        await EnsureReviewReminderAsync(change.State);
        var gate = Gate();
        if (GateChanged(gate, gateBefore, change.State, accountBefore))
        {
            if (gate.Status == GateStatus.Blocked)
            {
                AccountLog.Blocked(logger, Waba);
            }

            await PushGateAsync(gate, change.State, skipGateFor);
        }

        await ReportToPortfolioAsync();
    }

    /// <summary>Writes the state; on failure this activation is dropped so the next one reloads (<see cref="StateWrites"/>).</summary>
    private Task WriteAsync() => state.WriteOrDropAsync(DeactivateOnIdle);

    /// <summary>
    /// Whether the numbers need the new gate: its fields moved, or the account's templates or upgraded numbers did
    /// (compared by reference: the domain replaces those lists only when they change).
    /// </summary>
    private static bool GateChanged(Contracts.Accounts.AccountGate gate, Contracts.Accounts.AccountGate before, Account account, Account? accountBefore) =>
        gate with { Version = 0, Templates = [], ThroughputUpgraded = [] } != before with { Version = 0, Templates = [], ThroughputUpgraded = [] }
        || !ReferenceEquals(account.Templates, accountBefore?.Templates)
        || !ReferenceEquals(account.ThroughputUpgraded, accountBefore?.ThroughputUpgraded);

    private async Task PushGateAsync(Contracts.Accounts.AccountGate gate, Account account, string? skip)
    {
        foreach (var number in account.Numbers.Where(n => n.Phone != skip))
        {
            try
            {
                await GrainFactory.Reference<INumberGrain>(number.Phone).UpdateGateAsync(gate);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The number asks for the gate again when it activates; a live one that missed this
                // push is retried by the next change. Logged loudly: it may send on a stale gate.
                AccountLog.GatePushFailed(logger, Waba, PersonalData.Hash(number.Phone), e);
            }
        }
    }
}
