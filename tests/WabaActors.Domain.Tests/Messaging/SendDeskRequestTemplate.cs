using WabaActors.Domain.Messaging;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.MessagingSupport;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

public class SendDeskRequestTemplate
{
    private const string Rule = "template-recipients-rolling-24h";

    [Fact]
    [Trait("Rule", Rule)]
    public void AllowsCountingNothingGivenCustomersWindowOpen()
    {
        var desk = new Desk();
        desk.Inbound(Alice);

        var outcome = desk.Decide("m1", Alice, MessageType.Template);

        Decisions.Allowed(outcome);
        Assert.Null(outcome.Counted);
        Assert.Equal(Start + Day, outcome.Decision.WindowExpiresAt);
        Assert.Equal(new RecipientUsage(0, 50, null), outcome.Decision.TemplateRecipients);
        Assert.Equal(0, desk.Usage.Used);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void CountsRecipientGivenCustomersWindowClosedSince()
    {
        var desk = new Desk();
        desk.Inbound(Alice);
        desk.Advance(Day);

        var outcome = desk.Decide("m1", Alice, MessageType.Template);

        Decisions.Allowed(outcome);
        Assert.Null(outcome.Decision.WindowExpiresAt);
        Assert.Equal(new RecipientCounted(Alice.Value, desk.Now.UtcTicks), outcome.Counted);
        Assert.Equal(new RecipientUsage(1, 50, null), outcome.Decision.TemplateRecipients);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void Grants50thAndDenies51stUntilOldestLeavesThePeriod()
    {
        var desk = new Desk();
        var oldest = desk.Now;
        for (var i = 1; i < 50; i++)
        {
            Decisions.Allowed(desk.Decide($"m{i}", Of(i), MessageType.Template));
            desk.Advance(TimeSpan.FromMinutes(5));
        }

        var fiftieth = desk.Decide("m50", Of(50), MessageType.Template);
        var fiftyFirst = desk.Decide("m51", Of(51), MessageType.Template);

        Decisions.Allowed(fiftieth);
        Assert.Equal(50, fiftieth.Decision.TemplateRecipients?.Used);
        Decisions.Denied(fiftyFirst, DenyReason.TemplateRecipientLimitReached, retryAt: oldest + Day);
        Assert.Equal(new RecipientUsage(50, 50, oldest + Day), fiftyFirst.Decision.TemplateRecipients);

        desk.Time.SetUtcNow(oldest + Day - Tick);
        Decisions.Denied(desk.Decide("m51", Of(51), MessageType.Template), DenyReason.TemplateRecipientLimitReached, oldest + Day);
        desk.Advance(Tick);
        Decisions.Allowed(desk.Decide("m51", Of(51), MessageType.Template));
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void AllowsAlreadyCountedCustomerGivenLimitReached()
    {
        var desk = new Desk();
        desk.Account = desk.Account with { TemplateRecipientLimitOverride = 1 };
        desk.Decide("m1", Alice, MessageType.Template);

        var outcome = desk.Decide("m2", Alice, MessageType.Template);

        Decisions.Allowed(outcome);
        Assert.Null(outcome.Counted);
        Assert.Equal(1, desk.Usage.Used);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void Allows1000RecipientsGivenBusinessVerified()
    {
        var desk = new Desk(account: MessagingAccounts.Verified);
        for (var i = 1; i < 1_000; i++)
        {
            desk.Decide($"m{i}", Of(i), MessageType.Template);
        }

        var last = desk.Decide("m1000", Of(1_000), MessageType.Template);
        var over = desk.Decide("m1001", Of(1_001), MessageType.Template);

        Decisions.Allowed(last);
        Assert.Equal((1_000, 1_000), (last.Decision.TemplateRecipients?.Used, last.Decision.TemplateRecipients?.Limit));
        Decisions.Denied(over, DenyReason.TemplateRecipientLimitReached, Start + Day);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void AppliesMetasLimitOverrideOverTheRulesFigure()
    {
        var desk = new Desk(account: MessagingAccounts.Verified);
        desk.Account = desk.Account with { TemplateRecipientLimitOverride = 3 };
        for (var i = 1; i <= 3; i++)
        {
            Decisions.Allowed(desk.Decide($"m{i}", Of(i), MessageType.Template));
        }

        var outcome = desk.Decide("m4", Of(4), MessageType.Template);

        Decisions.Denied(outcome, DenyReason.TemplateRecipientLimitReached, Start + Day);
        Assert.Equal(3, outcome.Decision.TemplateRecipients?.Limit);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void DeniesGivenRulesLimitZero()
    {
        var desk = new Desk(WabaRules.Document with { TemplateRecipientLimit = 0 });

        Decisions.Denied(desk.Decide("m1", Alice, MessageType.Template), DenyReason.TemplateRecipientLimitReached, retryAt: null);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void AllowsTemplateInsideWindowGivenLimitReached()
    {
        var desk = new Desk();
        desk.Account = desk.Account with { TemplateRecipientLimitOverride = 1 };
        desk.Decide("m1", Bob, MessageType.Template);
        desk.Inbound(Alice);

        var outcome = desk.Decide("m2", Alice, MessageType.Template);

        Decisions.Allowed(outcome);
        Assert.Equal(1, outcome.Decision.TemplateRecipients?.Used);
        Assert.Equal(AccountStatus.Live, desk.Account.Status);
    }
}
