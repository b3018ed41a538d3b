using WabaActors.Contracts.Webhooks;
using WabaActors.Grains.Accounts;
using WabaActors.Grains.Numbers;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Accounts;

/// <summary>
/// A change reaches the account's history (and so mluvii's notifications, which read it) once, whatever
/// write is lost on the way (ADR 0027): the number's write that empties its outbox after the account
/// took the entries, the account's write that follows a display-name decision, or the number's write of
/// the decision itself. Runs under both rule profiles.
/// </summary>
public abstract class ExactlyOnceHistory(ClusterFixture fixture)
{
    [Fact]
    public async Task RecordsNumbersChangeOnceGivenOutboxRedeliveredAfterItsEmptyingWriteWasLost()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var number = account.Number(phones[0]);
        var numberId = number.GetGrainId();
        using (fixture.StorageFaults.FailOnce((id, s) => id == numberId && s is NumberGrainState { Outbox.Count: 0 }))
        {
            await number.SetDisplayNameAsync(account.Scope, "Acme Garden").Ok();
        }

        // The account has the entry; the number's stored outbox still holds it and goes out again on activation.
        await fixture.DeactivateAllAsync(number);
        var emptied = fixture.StorageFaults.WrittenAsync((id, s) => id == numberId && s is NumberGrainState { Outbox.Count: 0 });
        await number.GetAsync(account.Scope).Ok();
        await emptied.WaitAsync(Eventually.DefaultTimeout);

        var events = await account.EventsAsync();
        Assert.Single(events, e => e.Type == "display_name_submitted");
    }

    [Fact]
    public async Task RecordsDisplayNameDecisionOnceGivenRedeliveryAfterAccountsWriteWasLost()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        await account.Number(phones[0]).SetDisplayNameAsync(account.Scope, "Acme Garden").Ok();
        var change = new DisplayNameWebhook(Guid.NewGuid().ToString("N"), phones[0], "APPROVED", null) { RequestedName = "Acme Shop" };
        var accountId = account.Grain.GetGrainId();

        // A crash right after the number stored the decision: the account's next write never lands, the
        // delivery is not acknowledged (the host answers 500 for a throw), and Meta delivers it again.
        using (fixture.StorageFaults.FailOnce((id, s) => id == accountId && s is AccountGrainState a && a.SeenWebhooks.Exists(w => w.Digest == change.Digest)))
        {
            await Record.ExceptionAsync(async () => await account.Grain.ApplyWebhookAsync(change));
        }

        var again = await account.Grain.ApplyWebhookAsync(change).Ok();

        Assert.Equal(WebhookResult.Duplicate, again);
        Assert.Single(await account.EventsAsync(), e => e.Type == "display_name_decision_ignored");
    }

    [Fact]
    public async Task RecordsDisplayNameDecisionOnceGivenRedeliveryAfterNumbersWriteFailed()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var number = account.Number(phones[0]);
        await number.SetDisplayNameAsync(account.Scope, "Acme Garden").Ok();
        var change = new DisplayNameWebhook(Guid.NewGuid().ToString("N"), phones[0], "APPROVED", null) { RequestedName = "Acme Shop" };
        var numberId = number.GetGrainId();

        // The number's write of the decision fails: nothing is stored, and the redelivery must record it (once).
        using (fixture.StorageFaults.FailOnce((id, s) => id == numberId && s is NumberGrainState { Outbox.Count: > 0 }))
        {
            await Record.ExceptionAsync(async () => await account.Grain.ApplyWebhookAsync(change));
        }

        var again = await account.Grain.ApplyWebhookAsync(change).Ok();

        Assert.Equal(WebhookResult.Applied, again);
        Assert.Single(await account.EventsAsync(), e => e.Type == "display_name_decision_ignored");
    }
}

[Collection(ClusterCollection.Name)]
public sealed class ExactlyOnceHistoryDocument(ClusterFixture fixture) : ExactlyOnceHistory(fixture);

[Collection(MetaClusterCollection.Name)]
public sealed class ExactlyOnceHistoryMeta(MetaClusterFixture fixture) : ExactlyOnceHistory(fixture);
