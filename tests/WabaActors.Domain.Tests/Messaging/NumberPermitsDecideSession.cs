using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Tests.MessagingSupport;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

public class NumberPermitsDecideSession
{
    private const string Rule = "session-window-24h";

    [Fact]
    [Trait("Rule", Rule)]
    [Trait("Rule", "send-decision")]
    public void DeniesWindowClosedWithoutRetryAtGivenCustomerNeverWrote()
    {
        var number = new NumberAndQuota();

        var answer = number.Decide("m1", Alice, MessageType.Session);

        Decisions.Denied(answer, DenyReason.CustomerServiceWindowClosed, retryAt: null);
        Assert.False(answer.AskedQuota);
        Assert.Equal(0, number.Permits.Ledger.Count);
    }

    [Fact]
    [Trait("Rule", Rule)]
    [Trait("Rule", "send-decision")]
    public void AllowsWithWindowExpiryGivenCustomerWroteWithin24h()
    {
        var number = new NumberAndQuota();
        var sentAt = number.Now - TimeSpan.FromHours(3);
        number.Inbound(Alice, -TimeSpan.FromHours(3));
        number.Advance(TimeSpan.FromHours(20));

        var answer = number.Decide("m1", Alice, MessageType.Session);

        Decisions.Allowed(answer);
        Assert.Equal(sentAt + Day, answer.Decision.WindowExpiresAt);
        Assert.Null(answer.Decision.TemplateRecipients);
        Assert.False(answer.AskedQuota);
        Assert.True(answer.Step.IsNewGrant);
        Assert.Null(answer.Granted); // a read: nothing to persist
        Assert.Equal(1, number.Permits.Ledger.Count); // held for the replay horizon
    }

    [Fact]
    [Trait("Rule", Rule)]
    [Trait("Rule", "send-decision")]
    public void DeniesWindowClosedGivenExactly24hAfterCustomerMessage()
    {
        var number = new NumberAndQuota();
        number.Inbound(Alice);
        number.Advance(Day - Tick);
        Decisions.Allowed(number.Decide("m1", Alice, MessageType.Session));

        number.Advance(Tick);

        Decisions.Denied(number.Decide("m2", Alice, MessageType.Session), DenyReason.CustomerServiceWindowClosed);
    }

    [Fact]
    [Trait("Rule", Rule)]
    [Trait("Rule", "send-decision")]
    public void DeniesWindowClosedGiven131047Close()
    {
        var number = new NumberAndQuota();
        number.Inbound(Alice);
        number.Advance(TimeSpan.FromHours(2));
        number.Close(Alice, number.Now);

        Decisions.Denied(number.Decide("m1", Alice, MessageType.Session), DenyReason.CustomerServiceWindowClosed);
    }
}
