using WabaActors.Contracts.Accounts;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Reminders;

/// <summary>A pending display name past its due instant is marked overdue by the number's reminder and told to the account. Runs under both rule profiles.</summary>
public abstract class DisplayNameReviewDeadline(ClusterFixture fixture)
{
    private const string Overdue = "display_name_review_overdue";

    [Fact]
    public async Task MarksOverdueAtDueInstantGivenDeadlinePassedWhileGrainsInactive()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var number = account.Number(phones[0]);
        var submitted = await number.SetDisplayNameAsync(account.Scope, "Acme Support").Ok();
        var dueAt = submitted.DisplayName.DueAt!.Value;
        Assert.Equal(("pending", fixture.Now + fixture.Rules.DisplayNameReviewDue), (submitted.DisplayName.Status, dueAt));
        await fixture.DeactivateAllAsync(account.Grain, number);

        await fixture.AdvanceAsync(fixture.Rules.DisplayNameReviewDue);

        var entry = await fixture.HistoryEntryAsync(account.Waba, Overdue);
        Assert.Equal((dueAt, phones[0]), (entry.Event.At, entry.Event.Phone));
        var name = (await number.GetAsync(account.Scope).Ok()).DisplayName;
        Assert.Equal(("Acme Support", "pending", true), (name.Name, name.Status, name.Overdue));
    }

    [Fact]
    public async Task RaisesNoOverdueGivenNameDecidedBeforeDeadline()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var (control, controlPhones) = await TestAccount.LiveAsync(fixture.Grains);
        await account.Number(phones[0]).SetDisplayNameAsync(account.Scope, "Acme Support").Ok();
        await control.Number(controlPhones[0]).SetDisplayNameAsync(control.Scope, "Control").Ok();
        var decided = await account.Number(phones[0]).DecideDisplayNameAsync(account.Scope, new ReviewDecisionRequest("approved", null)).Ok();

        await fixture.AdvanceAsync(fixture.Rules.DisplayNameReviewDue);

        // The control's reminder is due at the same instant: once it fired, the decided one would have too.
        await fixture.HistoryEntryAsync(control.Waba, Overdue);
        Assert.Equal("approved", decided.DisplayName.Status);
        Assert.DoesNotContain(await account.EventsAsync(), e => e.Type == Overdue);
        Assert.False((await account.Number(phones[0]).GetAsync(account.Scope).Ok()).DisplayName.Overdue);
    }
}

[Collection(ClusterCollection.Name)]
public sealed class DisplayNameReviewDeadlineDocument(ClusterFixture fixture) : DisplayNameReviewDeadline(fixture);

[Collection(MetaClusterCollection.Name)]
public sealed class DisplayNameReviewDeadlineMeta(MetaClusterFixture fixture) : DisplayNameReviewDeadline(fixture);
