using WabaActors.Domain.Messaging;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.MessagingSupport;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

/// <summary>The template-recipient limit as a permit answers it: the number asks the quota, the quota counts or refuses.</summary>
public class TemplateQuotaGrantLimit
{
    private const string Rule = "template-recipients-rolling-24h";

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(false, 50)]
    [InlineData(true, 250)]
    public void GrantsTheLastSlotAndDeniesTheNextUntilOldestLeavesThePeriodUnderEitherProfile(bool meta, int limit)
    {
        var number = Approved(meta ? WabaRules.Meta : WabaRules.Document);
        var oldest = number.Now;
        for (var i = 1; i < limit; i++)
        {
            Decisions.Allowed(number.Decide($"m{i}", Of(i), MessageType.Template));
            number.Advance(TimeSpan.FromSeconds(30));
        }

        var last = number.Decide($"m{limit}", Of(limit), MessageType.Template);
        var over = number.Decide("over", Of(limit + 1), MessageType.Template);

        Decisions.Allowed(last);
        Assert.Equal(new RecipientUsage(limit, limit, null), last.Decision.TemplateRecipients);
        Decisions.Denied(over, DenyReason.TemplateRecipientLimitReached, retryAt: oldest + Day);
        Assert.Equal(GrantOutcome.LimitReached, over.Quota?.Outcome);
        Assert.Equal(new RecipientUsage(limit, limit, oldest + Day), over.Decision.TemplateRecipients);
        Assert.Equal($"{limit} of {limit} template recipients used in the rolling period.", over.Decision.Detail);

        number.Time.SetUtcNow(oldest + Day - Tick);
        Decisions.Denied(number.Decide("over", Of(limit + 1), MessageType.Template), DenyReason.TemplateRecipientLimitReached, oldest + Day);
        number.Advance(Tick);
        Decisions.Allowed(number.Decide("over", Of(limit + 1), MessageType.Template));
    }

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(false, 1_000)]
    [InlineData(true, 2_000)]
    public void AllowsTheVerifiedLimitGivenBusinessVerifiedUnderEitherProfile(bool meta, int limit)
    {
        // Thousands of sends at one instant: Meta's pacing (its own rule, tested apart) is off here.
        var rules = meta ? WabaRules.Meta with { Pacing = Domain.Pacing.PacingRules.Off } : WabaRules.Document;
        var number = new NumberAndQuota(rules, MessagingAccounts.Verified);
        number.Account = MessagingAccounts.Reviewed(number.Account, ReviewDecision.Approved, number.Now);
        for (var i = 1; i < limit; i++)
        {
            number.Decide($"m{i}", Of(i), MessageType.Template);
        }

        var last = number.Decide($"m{limit}", Of(limit), MessageType.Template);
        var over = number.Decide("over", Of(limit + 1), MessageType.Template);

        Decisions.Allowed(last);
        Assert.Equal((limit, limit), (last.Decision.TemplateRecipients?.Used, last.Decision.TemplateRecipients?.Limit));
        Decisions.Denied(over, DenyReason.TemplateRecipientLimitReached, Start + Day);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void AppliesMetasLimitOverrideOverTheRulesFigure()
    {
        var number = new NumberAndQuota(account: MessagingAccounts.Verified);
        number.Account = number.Account with { TemplateRecipientLimitOverride = 3 };
        for (var i = 1; i <= 3; i++)
        {
            Decisions.Allowed(number.Decide($"m{i}", Of(i), MessageType.Template));
        }

        var answer = number.Decide("m4", Of(4), MessageType.Template);

        Decisions.Denied(answer, DenyReason.TemplateRecipientLimitReached, Start + Day);
        Assert.Equal(3, answer.Decision.TemplateRecipients?.Limit);
        Assert.Equal("3 of 3 template recipients used in the rolling period.", answer.Decision.Detail);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void DeniesWithoutRetryAtGivenRulesLimitZero()
    {
        var number = new NumberAndQuota(WabaRules.Document with { TemplateRecipientLimit = 0 });

        var answer = number.Decide("m1", Alice, MessageType.Template);

        Decisions.Denied(answer, DenyReason.TemplateRecipientLimitReached, retryAt: null);
        Assert.Equal("0 of 0 template recipients used in the rolling period.", answer.Decision.Detail);
    }

    private static NumberAndQuota Approved(WabaRules rules)
    {
        var number = new NumberAndQuota(rules);
        number.Account = MessagingAccounts.Reviewed(number.Account, ReviewDecision.Approved, number.Now);
        return number;
    }
}
