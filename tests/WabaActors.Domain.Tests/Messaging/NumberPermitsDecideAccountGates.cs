using WabaActors.Domain.Messaging;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.MessagingSupport;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

public class NumberPermitsDecideAccountGates
{
    private const string Rule = "send-decision";

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(MessageType.Session)]
    [InlineData(MessageType.Template)]
    public void DeniesAccountBlockedGivenCommerceReviewRejected(MessageType type)
    {
        var number = new NumberAndQuota();
        number.Inbound(Alice);
        number.Account = MessagingAccounts.Reviewed(number.Account, ReviewDecision.Rejected, number.Now);

        var answer = number.Decide("m1", Alice, type);

        Assert.Equal(AccountStatus.Blocked, number.Account.Status);
        Decisions.Denied(answer, DenyReason.AccountBlocked);
        Assert.Equal(0, number.Permits.Ledger.Count);
    }

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(MessageType.Session)]
    [InlineData(MessageType.Template)]
    public void DeniesAccountBlockedGivenMetaDisabledTheAccount(MessageType type)
    {
        var number = new NumberAndQuota();
        number.Inbound(Alice);
        number.Account = number.Account with { Disabled = true };

        Decisions.Denied(number.Decide("m1", Alice, type), DenyReason.AccountBlocked);
    }

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(MessageType.Session)]
    [InlineData(MessageType.Template)]
    public void AllowsAgainGivenRejectedReviewLaterApproved(MessageType type)
    {
        var number = new NumberAndQuota();
        number.Inbound(Alice);
        number.Account = MessagingAccounts.Reviewed(number.Account, ReviewDecision.Rejected, number.Now);
        number.Decide("m1", Alice, type);
        number.Account = MessagingAccounts.Reviewed(number.Account, ReviewDecision.Approved, number.Now);

        Decisions.Allowed(number.Decide("m1", Alice, type));
    }

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(MessageType.Session)]
    [InlineData(MessageType.Template)]
    public void DeniesAccountNotLiveGivenOnboardingAccount(MessageType type)
    {
        var number = new NumberAndQuota(account: MessagingAccounts.Onboarding);
        number.Inbound(Alice);

        Decisions.Denied(number.Decide("m1", Alice, type), DenyReason.AccountNotLive);
    }

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(MessageType.Session)]
    [InlineData(MessageType.Template)]
    public void DeniesAccountUnderReviewGivenMetaRulesAndReviewPending(MessageType type)
    {
        var number = new NumberAndQuota(WabaRules.Meta);
        number.Inbound(Alice);

        Assert.Equal(ReviewStatus.Pending, number.Account.CommerceReview?.Status);
        Decisions.Denied(number.Decide("m1", Alice, type), DenyReason.AccountUnderReview);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void DeniesTemplateWithoutAskingTheQuotaGivenMetaRulesAndReviewPending()
    {
        var number = new NumberAndQuota(WabaRules.Meta);

        var answer = number.Decide("m1", Alice, MessageType.Template);

        Decisions.Denied(answer, DenyReason.AccountUnderReview);
        Assert.False(answer.AskedQuota);
        Assert.Equal(0, number.Usage.Used);
    }

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(MessageType.Session)]
    [InlineData(MessageType.Template)]
    public void AllowsGivenDocumentRulesAndReviewPending(MessageType type)
    {
        var number = new NumberAndQuota(WabaRules.Document);
        number.Inbound(Alice);

        Assert.Equal(ReviewStatus.Pending, number.Account.CommerceReview?.Status);
        Decisions.Allowed(number.Decide("m1", Alice, type));
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void CountsAgainstTheDocumentsLimitGivenDocumentRulesAndReviewPending()
    {
        var number = new NumberAndQuota(WabaRules.Document);

        var answer = number.Decide("m1", Alice, MessageType.Template);

        Decisions.Allowed(answer);
        Assert.Equal(new RecipientUsage(1, 50, null), answer.Decision.TemplateRecipients);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void AllowsGivenMetaRulesAndReviewApproved()
    {
        var number = new NumberAndQuota(WabaRules.Meta);
        number.Account = MessagingAccounts.Reviewed(number.Account, ReviewDecision.Approved, number.Now);

        var answer = number.Decide("m1", Alice, MessageType.Template);

        Decisions.Allowed(answer);
        Assert.Equal(new RecipientUsage(1, 250, null), answer.Decision.TemplateRecipients);
    }

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(MessageType.Session)]
    [InlineData(MessageType.Template)]
    public void DeniesNumberNotRegisteredGivenUnregisteredNumber(MessageType type)
    {
        var number = new NumberAndQuota { NumberRegistered = false };
        number.Inbound(Alice);

        Decisions.Denied(number.Decide("m1", Alice, type), DenyReason.NumberNotRegistered);
        Assert.Equal(0, number.Usage.Used);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void DeniesTemplateWithoutCountingGivenUnregisteredNumberAndNoWindow()
    {
        var number = new NumberAndQuota { NumberRegistered = false };

        var answer = number.Decide("m1", Alice, MessageType.Template);

        Decisions.Denied(answer, DenyReason.NumberNotRegistered);
        Assert.False(answer.AskedQuota);
        Assert.False(number.Quota.IsCounted(Alice, number.Now));
    }
}
