using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Accounts;

/// <summary>Steps 1–4 through the grains: a number added, verified with the code the gateway sent, the account live.</summary>
[Collection(ClusterCollection.Name)]
public class AccountOnboardToLive(ClusterFixture fixture)
{
    [Fact]
    public async Task SendsCodeAndWarnsGivenVoiceNumberWithoutIvrDisabled()
    {
        var account = await TestAccount.OnboardedAsync(fixture.Grains);
        var phone = Ids.Phone();
        var now = fixture.Now;

        var reply = await account.AddNumberAsync("+" + phone, "voice");

        var number = reply.Ok();
        Assert.True(reply.Created);
        Assert.Equal(["ivr_may_block_voice_call"], reply.Warnings);
        Assert.Equal((phone, "code_sent", "voice"), (number.Phone, number.Status, number.Verification.Method));
        Assert.Equal(now.AddMinutes(10), number.Verification.CodeExpiresAt);
        Assert.Equal(5, number.Verification.AttemptsLeft);
        Assert.Matches("^[0-9]{6}$", await account.Number(phone).GetSimulatedCodeAsync());
    }

    [Fact]
    public async Task WarnsNothingGivenSmsNumber()
    {
        var account = await TestAccount.OnboardedAsync(fixture.Grains);

        var reply = await account.AddNumberAsync(Ids.Phone(), "sms");

        Assert.True(reply.Created);
        Assert.Empty(reply.Warnings);
    }

    [Fact]
    public async Task RegistersAndStartsBillingNowGivenRightCode()
    {
        var account = await TestAccount.OnboardedAsync(fixture.Grains);
        var phone = Ids.Phone();
        await account.AddNumberAsync(phone, "voice", ivrDisabled: true).Ok();
        var code = await account.Number(phone).GetSimulatedCodeAsync();
        await fixture.AdvanceAsync(TimeSpan.FromMinutes(3));
        var now = fixture.Now;

        var number = await account.Number(phone).VerifyAsync(account.Scope, code).Ok();

        Assert.Equal("registered", number.Status);
        Assert.Equal(now, number.RegisteredAt);
        Assert.Equal(now, number.BillingStartedAt);
        Assert.Null(number.Verification.CodeExpiresAt);
    }

    [Fact]
    public async Task GoesLiveWithCommerceReviewPendingDueIn48HoursGivenFirstNumberRegistered()
    {
        var account = await TestAccount.OnboardedAsync(fixture.Grains);
        var phone = Ids.Phone();
        await account.AddNumberAsync(phone).Ok();
        var now = fixture.Now;

        await account.RegisterAsync(phone);

        var view = await account.ViewAsync();
        Assert.Equal("live", view.Status);
        Assert.All(view.Onboarding.Steps, s => Assert.Equal("done", s.Status));
        Assert.Equal(now, view.Onboarding.Steps[3].CompletedAt);
        var review = view.CommercePolicyReview;
        Assert.Equal(("pending", now, now.AddHours(48), false), (review.Status, review.RequestedAt, review.DueAt, review.Overdue));
        Assert.Equal((1, 2), (view.Limits.Numbers.Used, view.Limits.Numbers.Max));
        Assert.Equal((0, 50), (view.Limits.TemplateRecipients.Used, view.Limits.TemplateRecipients.Limit));
        var number = Assert.Single(view.Numbers);
        Assert.Equal((phone, "registered", now), (number.Phone, number.Status, number.BillingStartedAt));
    }

    [Fact]
    public async Task RecordsEveryStepInOrderGivenFullOnboarding()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var now = fixture.Now;

        var events = await account.EventsAsync();

        Assert.Equal(
        [
            "account_created", "email_submitted", "email_confirmed", "business_manager_submitted", "company_profile_submitted",
            "number_added", "verification_code_sent", "number_registered", "billing_started", "account_live", "commerce_review_requested",
        ], events.Select(e => e.Type));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), events.Select(e => e.Id));
        Assert.All(events.Where(e => e.Type is "number_registered" or "billing_started" or "account_live"), e => Assert.Equal(phones[0], e.Phone));
        Assert.All(events, e => Assert.Equal(now, e.At));
    }
}
