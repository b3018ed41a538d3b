using WabaActors.Domain.Messaging;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.MessagingSupport;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

public class SendDeskRequestAccountGates
{
    private const string Rule = "send-decision";

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(MessageType.Session)]
    [InlineData(MessageType.Template)]
    public void DeniesAccountBlockedGivenCommerceReviewRejected(MessageType type)
    {
        var desk = new Desk();
        desk.Inbound(Alice);
        desk.Account = MessagingAccounts.Reviewed(desk.Account, ReviewDecision.Rejected, desk.Now);

        var outcome = desk.Decide("m1", Alice, type);

        Assert.Equal(AccountStatus.Blocked, desk.Account.Status);
        Decisions.Denied(outcome, DenyReason.AccountBlocked);
        Assert.Equal(0, desk.Send.Ledger.Count);
    }

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(MessageType.Session)]
    [InlineData(MessageType.Template)]
    public void DeniesAccountBlockedGivenMetaDisabledTheAccount(MessageType type)
    {
        var desk = new Desk();
        desk.Inbound(Alice);
        desk.Account = desk.Account with { Disabled = true };

        Decisions.Denied(desk.Decide("m1", Alice, type), DenyReason.AccountBlocked);
    }

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(MessageType.Session)]
    [InlineData(MessageType.Template)]
    public void AllowsAgainGivenRejectedReviewLaterApproved(MessageType type)
    {
        var desk = new Desk();
        desk.Inbound(Alice);
        desk.Account = MessagingAccounts.Reviewed(desk.Account, ReviewDecision.Rejected, desk.Now);
        desk.Decide("m1", Alice, type);
        desk.Account = MessagingAccounts.Reviewed(desk.Account, ReviewDecision.Approved, desk.Now);

        Decisions.Allowed(desk.Decide("m1", Alice, type));
    }

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(MessageType.Session)]
    [InlineData(MessageType.Template)]
    public void DeniesAccountNotLiveGivenOnboardingAccount(MessageType type)
    {
        var desk = new Desk(account: MessagingAccounts.Onboarding);
        desk.Inbound(Alice);

        Decisions.Denied(desk.Decide("m1", Alice, type), DenyReason.AccountNotLive);
    }

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(MessageType.Session)]
    [InlineData(MessageType.Template)]
    public void DeniesAccountUnderReviewGivenMetaRulesAndReviewPending(MessageType type)
    {
        var desk = new Desk(WabaRules.Meta);
        desk.Inbound(Alice);

        Assert.Equal(ReviewStatus.Pending, desk.Account.CommerceReview?.Status);
        Decisions.Denied(desk.Decide("m1", Alice, type), DenyReason.AccountUnderReview);
    }

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(MessageType.Session)]
    [InlineData(MessageType.Template)]
    public void AllowsGivenDocumentRulesAndReviewPending(MessageType type)
    {
        var desk = new Desk(WabaRules.Document);
        desk.Inbound(Alice);

        Assert.Equal(ReviewStatus.Pending, desk.Account.CommerceReview?.Status);
        Decisions.Allowed(desk.Decide("m1", Alice, type));
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void AllowsGivenMetaRulesAndReviewApproved()
    {
        var desk = new Desk(WabaRules.Meta);
        desk.Account = MessagingAccounts.Reviewed(desk.Account, ReviewDecision.Approved, desk.Now);

        var outcome = desk.Decide("m1", Alice, MessageType.Template);

        Decisions.Allowed(outcome);
        Assert.Equal(new RecipientUsage(1, 250, null), outcome.Decision.TemplateRecipients);
    }

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(MessageType.Session)]
    [InlineData(MessageType.Template)]
    public void DeniesNumberNotRegisteredGivenUnregisteredNumber(MessageType type)
    {
        var desk = new Desk { NumberRegistered = false };
        desk.Inbound(Alice);

        Decisions.Denied(desk.Decide("m1", Alice, type), DenyReason.NumberNotRegistered);
        Assert.Equal(0, desk.Usage.Used);
    }
}
