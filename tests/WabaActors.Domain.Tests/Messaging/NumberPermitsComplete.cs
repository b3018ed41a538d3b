using WabaActors.Domain.Pricing;
using WabaActors.Domain.Identity;
using WabaActors.Domain.Common;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.MessagingSupport;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

/// <summary>A template that needed the quota, finished with each answer the quota can give.</summary>
public class NumberPermitsComplete
{
    private const string Rule = "template-recipients-rolling-24h";
    private static readonly PermitAsk Ask = new(Message("m1"), Alice, MessageType.Template);
    private static readonly DateTimeOffset Now = Start + TimeSpan.FromHours(1);

    [Theory]
    [Trait("Rule", Rule)]
    [Trait("Rule", "idempotency")]
    [InlineData(GrantOutcome.Counted)]
    [InlineData(GrantOutcome.AlreadyCounted)]
    [InlineData(GrantOutcome.Replayed)]
    public void AllowsWithTheQuotasUsageAndRecordsTheGrantSoARetryReplaysIt(GrantOutcome outcome)
    {
        var (permits, gate) = NeedingQuota();

        var step = permits.Complete(Ask, new QuotaAnswer(outcome, new RecipientUsage(3, 3, Start + Day)), Now);
        var retried = permits.Decide(gate, true, Ask, Now + TimeSpan.FromHours(1));

        Assert.Equal(PermitStepKind.Decided, step.Kind);
        Assert.True(step.Decision!.Allowed);
        Assert.Null(step.Decision.WindowExpiresAt);
        Assert.Equal(new RecipientUsage(3, 3, null), step.Decision.TemplateRecipients);
        Assert.Equal(new PermitGranted("m1", new CustomerId(Alice.Value), MessageType.Template, Now.UtcTicks)
        {
            Used = 3,
            Limit = 3,
            PriceCode = new Price(PricingCategory.Unknown, FreeReason.None).Code, // no category named: assumed billable
        }, step.Granted);
        Assert.Equal(PermitStepKind.Replayed, retried.Kind);
        Decisions.SameAnswer(step.Decision, retried.Decision!);
        Assert.Equal(1, permits.Ledger.Count);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void DeniesLimitReachedUntilTheNextSlotAndRecordsNothing()
    {
        var (permits, gate) = NeedingQuota();
        var nextSlot = Start + Day;

        var step = permits.Complete(Ask, new QuotaAnswer(GrantOutcome.LimitReached, new RecipientUsage(3, 3, nextSlot)), Now);
        var retried = permits.Decide(gate, true, Ask, Now);

        Assert.Equal(PermitStepKind.Decided, step.Kind);
        Assert.False(step.Decision!.Allowed);
        Assert.Equal(DenyReason.TemplateRecipientLimitReached, step.Decision.Reason);
        Assert.Equal(nextSlot, step.Decision.RetryAt);
        Assert.Equal(new RecipientUsage(3, 3, nextSlot), step.Decision.TemplateRecipients);
        Assert.Equal("3 of 3 template recipients used in the rolling period.", step.Decision.Detail);
        Assert.Null(step.Granted);
        Assert.Equal(PermitStepKind.NeedsQuota, retried.Kind);
        Assert.Equal(0, permits.Ledger.Count);
    }

    [Fact]
    [Trait("Rule", "idempotency")]
    public void RefusesMessageIdReusedAndRecordsNothing()
    {
        var (permits, gate) = NeedingQuota();

        var step = permits.Complete(Ask, new QuotaAnswer(GrantOutcome.MessageIdReused, new RecipientUsage(1, 3, null)), Now);
        var retried = permits.Decide(gate, true, Ask, Now);

        Assert.Equal(PermitStepKind.Refused, step.Kind);
        Assert.Same(PermitLedger.IdReused, step.Error);
        Assert.Equal(ErrorCodes.MessageIdReused, step.Error!.Code);
        Assert.Null(step.Decision);
        Assert.Null(step.Granted);
        Assert.Equal(PermitStepKind.NeedsQuota, retried.Kind);
        Assert.Equal(0, permits.Ledger.Count);
    }

    // A number that asked for m1 and was told to ask the quota, as the grain does before it calls Complete.
    private static (NumberPermits Permits, SendGate Gate) NeedingQuota()
    {
        var permits = new NumberPermits(WabaRules.Document);
        var gate = MessagingAccounts.Live(WabaRules.Document, Start).Gate(WabaRules.Document);
        Assert.Equal(PermitStepKind.NeedsQuota, permits.Decide(gate, true, Ask, Now).Kind);
        return (permits, gate);
    }
}
