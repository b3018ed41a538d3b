using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Onboarding;

/// <summary>ADR 0011: 360dialog's partner notices are history entries, and take Meta's paths for restrictions and bans.</summary>
public class AccountApplyPartnerNotice
{
    private const string Rule = "partner-webhooks";

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(PartnerNotice.ChannelCreated)]
    [InlineData(PartnerNotice.ChannelReady)]
    [InlineData(PartnerNotice.ChannelRunning)]
    [InlineData(PartnerNotice.AccountViolation)]
    [InlineData(PartnerNotice.AccountRestriction)]
    public void RecordsOneEntryAndChangesNothingElseGivenNoRestrictionOrBan(string type)
    {
        var now = TestClock.Start;
        var account = TestAccounts.Live(now);

        var changed = account.ApplyPartnerNotice(new PartnerNotice(type, TestAccounts.FirstPhone, " running ", null), now).Ok();

        Assert.Equal(account, changed.State);
        var entry = Assert.Single(changed.Events);
        Assert.Equal((type, TestAccounts.FirstPhone, "running", now), (entry.Type, entry.Phone, entry.Value, entry.At));
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void RecordsBillingStartAsAnEntryOnly()
    {
        var now = TestClock.Start;
        var account = TestAccounts.Live(now);
        var billing = now.AddDays(-1);

        var changed = account.ApplyPartnerNotice(new PartnerNotice(PartnerNotice.ChannelCreated, TestAccounts.FirstPhone, "ready", billing), now).Ok();

        Assert.Equal(account, changed.State);
        Assert.Equal([AccountEventTypes.ChannelCreated, AccountEventTypes.ChannelBillingStarted], changed.Events.Types());
        Assert.Equal(billing, DateTimeOffset.Parse(changed.Events[1].Value!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void RestrictsUntilExpirationGivenRestrictionInfo()
    {
        var now = TestClock.Start;
        var until = now.AddHours(2);
        var notice = new PartnerNotice(PartnerNotice.AccountRestriction, null, "SCAM", null)
        {
            Restrictions = [new MetaRestriction(MetaRestriction.BusinessInitiated, until)],
        };

        var changed = TestAccounts.Live(now).ApplyPartnerNotice(notice, now).Ok();

        Assert.Equal(until, changed.State.Restrictions.BusinessInitiatedUntil);
        Assert.Equal([AccountEventTypes.AccountRestriction, AccountEventTypes.RestrictionsChanged], changed.Events.Types());
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void BlocksGivenBanStateDisable()
    {
        var now = TestClock.Start;
        var notice = new PartnerNotice(PartnerNotice.AccountViolation, null, "SPAM", null) { BanState = "DISABLE" };

        var changed = TestAccounts.Live(now).ApplyPartnerNotice(notice, now).Ok();

        Assert.Equal(AccountStatus.Blocked, changed.State.Status);
        Assert.Equal([AccountEventTypes.AccountViolation, AccountEventTypes.AccountDisabled, AccountEventTypes.AccountBlocked], changed.Events.Types());
        Assert.Equal(DenyReason.AccountBlocked, SendRules.CheckGate(changed.State.Gate(WabaRules.Document))!.Reason);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void RefusesWholeNoticeGivenRestrictionWithoutExpirationOrUnknownBanState()
    {
        var now = TestClock.Start;
        var account = TestAccounts.Live(now);

        account.ApplyPartnerNotice(new PartnerNotice(PartnerNotice.AccountRestriction, null, null, null)
        {
            Restrictions = [new MetaRestriction(MetaRestriction.BusinessInitiated, null)],
        }, now).Invalid("restriction_info[0].expiration");
        account.ApplyPartnerNotice(new PartnerNotice(PartnerNotice.AccountViolation, null, null, null) { BanState = "FOREVER" }, now)
            .Invalid("waba_ban_state");
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void RefusesUnknownType() =>
        TestAccounts.Live(TestClock.Start).ApplyPartnerNotice(new PartnerNotice("client_created", null, null, null), TestClock.Start)
            .Refused(ErrorCodes.ValidationFailed);

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(null, null)]
    [InlineData("   ", null)]
    [InlineData("RESTRICTED_BIZ_INITIATED_MESSAGING", "RESTRICTED_BIZ_INITIATED_MESSAGING")]
    [InlineData("two words", null)]
    [InlineData("line\nbreak", null)]
    [InlineData("<script>", null)]
    public void KeepsOnlyShortPlainLabels(string? label, string? kept) => Assert.Equal(kept, PartnerNotice.CleanLabel(label));

    [Fact]
    [Trait("Rule", Rule)]
    public void DropsLabelsLongerThan64Characters()
    {
        Assert.NotNull(PartnerNotice.CleanLabel(new string('a', PartnerNotice.MaxLabel)));
        Assert.Null(PartnerNotice.CleanLabel(new string('a', PartnerNotice.MaxLabel + 1)));
    }
}
