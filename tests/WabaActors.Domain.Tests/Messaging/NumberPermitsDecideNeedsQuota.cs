using WabaActors.Domain.Messaging;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.MessagingSupport;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

public class NumberPermitsDecideNeedsQuota
{
    private const string Rule = "template-recipients-rolling-24h";

    [Theory]
    [Trait("Rule", Rule)]
    [Trait("Rule", "send-decision")]
    [InlineData(false, MessageType.Template, false, false, PermitStepKind.NeedsQuota)]
    [InlineData(false, MessageType.Template, true, false, PermitStepKind.Decided)]
    [InlineData(false, MessageType.Template, false, true, PermitStepKind.Decided)]
    [InlineData(false, MessageType.Template, true, true, PermitStepKind.Decided)]
    [InlineData(false, MessageType.Session, false, false, PermitStepKind.Decided)]
    [InlineData(false, MessageType.Session, true, false, PermitStepKind.Decided)]
    [InlineData(true, MessageType.Template, false, false, PermitStepKind.NeedsQuota)]
    [InlineData(true, MessageType.Template, true, false, PermitStepKind.Decided)]
    [InlineData(true, MessageType.Template, false, true, PermitStepKind.Decided)]
    [InlineData(true, MessageType.Session, false, false, PermitStepKind.Decided)]
    public void AsksTheQuotaOnlyForATemplateWithoutWindowOrBusinessInitiatedRestriction(
        bool meta, MessageType type, bool windowOpen, bool businessInitiatedRestricted, PermitStepKind expected)
    {
        var rules = meta ? WabaRules.Meta : WabaRules.Document;
        var permits = new NumberPermits(rules);
        if (windowOpen)
        {
            permits.Windows.RecordInbound(Alice, Start, Start);
        }

        var restrictions = businessInitiatedRestricted ? new Restrictions { BusinessInitiatedUntil = Start + Day } : Restrictions.None;
        var account = MessagingAccounts.Reviewed(MessagingAccounts.Live(rules, Start), ReviewDecision.Approved, Start) with { Restrictions = restrictions };

        var step = permits.Decide(account.Gate(rules), true, new PermitAsk(Message("m1"), Alice, type), Start);

        Assert.Equal(expected, step.Kind);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void DecidesNothingAndRecordsNothingGivenTheQuotaIsNeeded()
    {
        var permits = new NumberPermits(WabaRules.Document);
        var gate = MessagingAccounts.Live(WabaRules.Document, Start).Gate(WabaRules.Document);
        var ask = new PermitAsk(Message("m1"), Alice, MessageType.Template);

        var first = permits.Decide(gate, true, ask, Start);
        var retried = permits.Decide(gate, true, ask, Start + TimeSpan.FromMinutes(1));

        Assert.Equal(PermitStepKind.NeedsQuota, first.Kind);
        Assert.Null(first.Decision);
        Assert.Null(first.Granted);
        Assert.Null(first.Error);
        Assert.Equal(PermitStepKind.NeedsQuota, retried.Kind);
        Assert.Equal(0, permits.Ledger.Count);
    }

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(false)]
    [InlineData(true)]
    public void AsksTheQuotaGivenWindowExpiredOrClosedBy131047(bool closed)
    {
        var permits = new NumberPermits(WabaRules.Document);
        var gate = MessagingAccounts.Live(WabaRules.Document, Start).Gate(WabaRules.Document);
        permits.Windows.RecordInbound(Alice, Start, Start);
        var now = closed ? Start + TimeSpan.FromHours(1) : Start + Day;
        if (closed)
        {
            permits.Windows.Close(Alice, now, now);
        }

        var step = permits.Decide(gate, true, new PermitAsk(Message("m1"), Alice, MessageType.Template), now);

        Assert.Equal(PermitStepKind.NeedsQuota, step.Kind);
    }
}
