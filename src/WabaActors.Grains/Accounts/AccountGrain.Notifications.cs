using WabaActors.Contracts;
using WabaActors.Grains.Notifications;

namespace WabaActors.Grains.Accounts;

/// <summary>Waking the account's notifier (ADR 0012): a one-way call, so a change never waits on delivery.</summary>
public sealed partial class AccountGrain
{
    /// <summary>
    /// Before a change with new entries commits: the notifier arms its durable reminder, so the entries
    /// reach the endpoint even when the poke after the commit dies with this silo. A failure here is
    /// logged and the change goes on: notifications never hold up the account.
    /// </summary>
    private async Task ExpectNotificationsAsync(string tenant, long sequence)
    {
        if (!notifications.Value.Enabled)
        {
            return;
        }

        try
        {
            await GrainFactory.Reference<IAccountNotifierGrain>(Waba).ExpectAsync(tenant, sequence);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            NotifierLog.PokeFailed(logger, Waba, e);
        }
    }

    /// <summary>
    /// After each append, and on activation (a poke lost to a crash between the append and the call
    /// is made good as soon as the account is used again); the notifier's reminder covers the rest.
    /// </summary>
    private async Task PokeNotifierAsync()
    {
        if (!notifications.Value.Enabled || state.State.Account is not { } account || state.State.LastSequence == 0)
        {
            return;
        }

        try
        {
            await GrainFactory.Reference<IAccountNotifierGrain>(Waba).PokeAsync(account.Tenant, state.State.LastSequence);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            NotifierLog.PokeFailed(logger, Waba, e);
        }
    }
}
