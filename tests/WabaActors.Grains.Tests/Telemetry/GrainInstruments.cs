using WabaActors.Contracts.Messaging;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Telemetry;

/// <summary>The grains record what they decide: decisions by reason, template grants, active windows, reminder lag.</summary>
[Collection(ClusterCollection.Name)]
public class GrainInstruments(ClusterFixture fixture)
{
    private const string Decisions = "waba.permit.decisions";

    [Fact]
    public async Task CountsADeniedSessionPermitWithItsReasonAndType()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        using var probe = new MetricsProbe(fixture.Meters);

        await account.PermitAsync(phones[0], Ids.Customer(), MessageKind.Session);

        Assert.Equal(1, probe.Sum(Decisions, ("allowed", "false"), ("reason", "customer_service_window_closed"), ("type", "session")));
        Assert.Equal(1, probe.Count(Decisions));
    }

    [Fact]
    public async Task CountsAShadowDenialByItsReasonAndTypeAndItsAnswerAsAllowedNotDenied()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains, tenant: ClusterFixture.ShadowTenant);
        using var probe = new MetricsProbe(fixture.Meters);

        await account.PermitAsync(phones[0], Ids.Customer(), MessageKind.Session);

        Assert.Equal(1, probe.Sum("waba.permit.shadow_denials", ("reason", "customer_service_window_closed"), ("type", "session")));
        Assert.Equal(1, probe.Count("waba.permit.shadow_denials"));
        Assert.Equal(1, probe.Sum(Decisions, ("allowed", "true"), ("reason", "none"), ("type", "session")));
        Assert.Equal(1, probe.Count(Decisions));
    }

    [Fact]
    public async Task CountsATemplateGrantOnceAndItsRecipientAsCounted()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var customer = Ids.Customer();
        using var probe = new MetricsProbe(fixture.Meters);

        await account.PermitAsync(phones[0], customer, MessageKind.Template);
        await account.PermitAsync(phones[0], customer, MessageKind.Template);

        Assert.Equal(2, probe.Sum(Decisions, ("allowed", "true"), ("reason", "none"), ("type", "template")));
        Assert.Equal(1, probe.Sum("waba.template.grants", ("outcome", "counted")));
        Assert.Equal(1, probe.Sum("waba.template.grants", ("outcome", "already_counted")));
    }

    [Fact]
    public async Task CountsABillableGrantOnceByItsCategoryAndAFreeOneNot()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var (marketing, inside) = (Ids.Customer(), Ids.Customer());
        await account.InboundAsync(phones[0], inside, fixture.Now).Ok();
        using var probe = new MetricsProbe(fixture.Meters);
        var request = new PermitRequest(marketing, MessageKind.Template, Ids.Message()) { Category = Contracts.Templates.TemplateCategory.Marketing };

        await account.Number(phones[0]).RequestPermitAsync(account.Scope, request).Ok();
        await account.Number(phones[0]).RequestPermitAsync(account.Scope, request).Ok(); // a replay: billed once
        await account.PermitAsync(phones[0], inside, MessageKind.Session);             // free (the monthly allowance)

        Assert.Equal(1, probe.Sum("waba.permit.billable", ("category", "marketing")));
        Assert.Equal(1, probe.Count("waba.permit.billable"));
    }

    [Fact]
    public async Task CountsAVerdictThatChangedACustomerOnceByItsEffect()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        using var probe = new MetricsProbe(fixture.Meters);
        var outcome = new SendOutcome(Ids.Message(), Ids.Customer(), OutcomeStatus.Failed, 131049, fixture.Now);

        await account.Number(phones[0]).RecordOutcomeAsync(account.Scope, outcome).Ok();
        await account.Number(phones[0]).RecordOutcomeAsync(account.Scope, outcome).Ok();

        Assert.Equal(1, probe.Sum("waba.customer.verdicts", ("effect", "marketing_limited")));
    }

    [Fact]
    public async Task RaisesActiveWindowsByOneForANewWindowAndNotForItsRepeat()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var customer = Ids.Customer();
        await account.InboundAsync(phones[0], Ids.Customer(), fixture.Now).Ok();   // the grain is active and has reported
        using var probe = new MetricsProbe(fixture.Meters);

        await account.InboundAsync(phones[0], customer, fixture.Now).Ok();
        await account.InboundAsync(phones[0], customer, fixture.Now).Ok();

        Assert.Equal(1, probe.Sum("waba.windows.active"));
    }

    [Fact]
    public async Task RecordsTheLagOfTheCommerceReviewReminder()
    {
        var (account, _) = await TestAccount.LiveAsync(fixture.Grains);
        using var probe = new MetricsProbe(fixture.Meters);

        await fixture.AdvanceAsync(TimeSpan.FromHours(48));
        await fixture.HistoryEntryAsync(account.Waba, "commerce_review_overdue");

        Assert.True(probe.Count("waba.reminder.lag", ("reminder", "commerce_review")) >= 1);
        Assert.All(probe.Measurements.Where(m => m.Instrument == "waba.reminder.lag"), m => Assert.True(m.Value >= 0));
    }
}
