using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Tests.MessagingSupport;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

public class NumberPermitsDecideTemplate
{
    private const string Rule = "template-recipients-rolling-24h";

    [Fact]
    [Trait("Rule", Rule)]
    public void AllowsWithoutRecipientUsageOrAskingTheQuotaGivenCustomersWindowOpen()
    {
        var number = new NumberAndQuota();
        number.Inbound(Alice);

        var answer = number.Decide("m1", Alice, MessageType.Template);

        Decisions.Allowed(answer);
        Assert.False(answer.AskedQuota);
        Assert.Equal(Start + Day, answer.Decision.WindowExpiresAt);
        Assert.Null(answer.Decision.TemplateRecipients);
        Assert.Equal((MessageType.Template, (Start + Day).UtcTicks, (int?)null), (answer.Granted?.Type, answer.Granted?.WindowExpiresAtTicks, answer.Granted?.Used));
        Assert.Equal(0, number.Usage.Used);
        Assert.Empty(number.QuotaGrants);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void CountsRecipientGivenCustomersWindowClosedSince()
    {
        var number = new NumberAndQuota();
        number.Inbound(Alice);
        number.Advance(Day);

        var answer = number.Decide("m1", Alice, MessageType.Template);

        Decisions.Allowed(answer);
        Assert.Equal(GrantOutcome.Counted, answer.Quota?.Outcome);
        Assert.Null(answer.Decision.WindowExpiresAt);
        Assert.Equal(((CustomerIdentity?)Alice, number.Now.UtcTicks), (answer.Counted?.Customer, answer.Counted?.GrantedAtTicks));
        Assert.Equal(new RecipientUsage(1, 50, null), answer.Decision.TemplateRecipients);
        Assert.Equal((1, 50), (answer.Granted?.Used, answer.Granted?.Limit));
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void AllowsAlreadyCountedCustomerGivenLimitReached()
    {
        var number = new NumberAndQuota();
        number.Account = number.Account with { TemplateRecipientLimitOverride = 1 };
        number.Decide("m1", Alice, MessageType.Template);

        var answer = number.Decide("m2", Alice, MessageType.Template);

        Decisions.Allowed(answer);
        Assert.Equal(GrantOutcome.AlreadyCounted, answer.Quota?.Outcome);
        Assert.Null(answer.Counted);
        Assert.NotNull(answer.Granted);
        Assert.Equal(new RecipientUsage(1, 1, null), answer.Decision.TemplateRecipients);
        Assert.Equal(1, number.Usage.Used);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void AllowsTemplateInsideWindowWithoutUsageGivenLimitReached()
    {
        var number = new NumberAndQuota();
        number.Account = number.Account with { TemplateRecipientLimitOverride = 1 };
        number.Decide("m1", Bob, MessageType.Template);
        number.Inbound(Alice);

        var answer = number.Decide("m2", Alice, MessageType.Template);

        Decisions.Allowed(answer);
        Assert.False(answer.AskedQuota);
        Assert.Null(answer.Decision.TemplateRecipients);
        Assert.Equal(AccountStatus.Live, number.Account.Status);
        Assert.False(number.Quota.IsCounted(Alice, number.Now));
    }
}
