using WabaActors.Contracts.Accounts;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Reminders;

[Collection(ClusterCollection.Name)]
public class DisplayNameReviewDeadline(ClusterFixture fixture)
{
    [Fact]
    public async Task MarksOverdueAtDueInstantGivenDeadlinePassedWhileGrainsInactive()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var number = account.Number(phones[0]);
        var submitted = await number.SetDisplayNameAsync(account.Scope, "Acme Support").Ok();
        var dueAt = submitted.DisplayName.DueAt!.Value;
        Assert.Equal(("pending", fixture.Now.AddHours(48)), (submitted.DisplayName.Status, dueAt));
        await fixture.DeactivateAllAsync(account.Grain, number);

        await fixture.AdvanceAsync(TimeSpan.FromHours(48));

        var overdue = await Eventually.GetAsync(
            async () => (await fixture.History.ReadAsync(account.Waba, 0, 1000)).FirstOrDefault(e => e.Event.Type == "display_name_review_overdue"),
            e => e is not null,
            "display_name_review_overdue");
        Assert.Equal((dueAt, phones[0]), (overdue!.Event.At, overdue.Event.Phone));
        var view = await number.GetAsync(account.Scope).Ok();
        Assert.Equal(("pending", true), (view.DisplayName.Status, view.DisplayName.Overdue));
    }

    [Fact]
    public async Task RaisesNoOverdueGivenNameDecidedBeforeDeadline()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var (control, controlPhones) = await TestAccount.LiveAsync(fixture.Grains);
        await account.Number(phones[0]).SetDisplayNameAsync(account.Scope, "Acme Support").Ok();
        await control.Number(controlPhones[0]).SetDisplayNameAsync(control.Scope, "Control").Ok();
        var decided = await account.Number(phones[0]).DecideDisplayNameAsync(account.Scope, new ReviewDecisionRequest("approved", null)).Ok();
        Assert.Equal("approved", decided.DisplayName.Status);

        await fixture.AdvanceAsync(TimeSpan.FromHours(48));

        await Eventually.TrueAsync(
            async () => (await fixture.History.ReadAsync(control.Waba, 0, 1000)).Any(e => e.Event.Type == "display_name_review_overdue"),
            "the control's display_name_review_overdue");
        Assert.DoesNotContain(await account.EventsAsync(), e => e.Type == "display_name_review_overdue");
        Assert.False((await account.Number(phones[0]).GetAsync(account.Scope).Ok()).DisplayName.Overdue);
    }
}
