using WabaActors.Domain.Messaging;
using WabaActors.Domain.Tests.MessagingSupport;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

public class SendDeskRequestSession
{
    private const string Rule = "session-window-24h";

    [Fact]
    [Trait("Rule", Rule)]
    [Trait("Rule", "send-decision")]
    public void DeniesWindowClosedWithoutRetryAtGivenCustomerNeverWrote()
    {
        var desk = new Desk();

        var outcome = desk.Decide("m1", Alice, MessageType.Session);

        Decisions.Denied(outcome, DenyReason.CustomerServiceWindowClosed, retryAt: null);
        Assert.Equal(0, desk.Send.Ledger.Count);
    }

    [Fact]
    [Trait("Rule", Rule)]
    [Trait("Rule", "send-decision")]
    public void AllowsWithWindowExpiryGivenCustomerWroteWithin24h()
    {
        var desk = new Desk();
        var sentAt = desk.Now - TimeSpan.FromHours(3);
        desk.Inbound(Alice, -TimeSpan.FromHours(3));
        desk.Advance(TimeSpan.FromHours(20));

        var outcome = desk.Decide("m1", Alice, MessageType.Session);

        Decisions.Allowed(outcome);
        Assert.Equal(sentAt + Day, outcome.Decision.WindowExpiresAt);
        Assert.Null(outcome.Decision.TemplateRecipients);
        Assert.Null(outcome.Counted);
        Assert.NotNull(outcome.Granted);
    }

    [Fact]
    [Trait("Rule", Rule)]
    [Trait("Rule", "send-decision")]
    public void DeniesWindowClosedGivenExactly24hAfterCustomerMessage()
    {
        var desk = new Desk();
        desk.Inbound(Alice);
        desk.Advance(Day - Tick);
        Decisions.Allowed(desk.Decide("m1", Alice, MessageType.Session));

        desk.Advance(Tick);

        Decisions.Denied(desk.Decide("m2", Alice, MessageType.Session), DenyReason.CustomerServiceWindowClosed);
    }

    [Fact]
    [Trait("Rule", Rule)]
    [Trait("Rule", "send-decision")]
    public void DeniesWindowClosedGiven131047Close()
    {
        var desk = new Desk();
        desk.Inbound(Alice);
        desk.Advance(TimeSpan.FromHours(2));
        desk.Send.Windows.Close(Alice, desk.Now, desk.Now);

        Decisions.Denied(desk.Decide("m1", Alice, MessageType.Session), DenyReason.CustomerServiceWindowClosed);
    }
}
