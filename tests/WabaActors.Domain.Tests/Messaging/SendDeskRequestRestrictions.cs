using WabaActors.Domain.Messaging;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Tests.MessagingSupport;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

public class SendDeskRequestRestrictions
{
    private const string Rule = "send-decision";
    private static readonly TimeSpan For = TimeSpan.FromHours(6);

    [Fact]
    [Trait("Rule", Rule)]
    public void DeniesTemplateRestrictedBusinessInitiatedUntilExpirationThenAllows()
    {
        var desk = new Desk();
        var until = desk.Now + For;
        desk.Account = desk.Account with { Restrictions = new Restrictions { BusinessInitiatedUntil = until } };

        var denied = desk.Decide("m1", Alice, MessageType.Template);
        desk.Time.SetUtcNow(until);
        var allowed = desk.Decide("m1", Alice, MessageType.Template);

        Decisions.Denied(denied, DenyReason.RestrictedBusinessInitiated, retryAt: until);
        Decisions.Allowed(allowed);
        Assert.NotNull(allowed.Counted);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void DeniesSessionRestrictedCustomerInitiatedUntilExpirationThenAllows()
    {
        var desk = new Desk();
        var until = desk.Now + For;
        desk.Account = desk.Account with { Restrictions = new Restrictions { CustomerInitiatedUntil = until } };
        desk.Inbound(Alice);

        var denied = desk.Decide("m1", Alice, MessageType.Session);
        desk.Time.SetUtcNow(until - Clock.Tick);
        var stillDenied = desk.Decide("m1", Alice, MessageType.Session);
        desk.Time.SetUtcNow(until);
        var allowed = desk.Decide("m1", Alice, MessageType.Session);

        Decisions.Denied(denied, DenyReason.RestrictedCustomerInitiated, retryAt: until);
        Decisions.Denied(stillDenied, DenyReason.RestrictedCustomerInitiated, retryAt: until);
        Decisions.Allowed(allowed);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void AllowsSessionGivenOnlyBusinessInitiatedRestricted()
    {
        var desk = new Desk();
        desk.Account = desk.Account with { Restrictions = new Restrictions { BusinessInitiatedUntil = desk.Now + For } };
        desk.Inbound(Alice);

        Decisions.Allowed(desk.Decide("m1", Alice, MessageType.Session));
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void AllowsTemplateGivenOnlyCustomerInitiatedRestricted()
    {
        var desk = new Desk();
        desk.Account = desk.Account with { Restrictions = new Restrictions { CustomerInitiatedUntil = desk.Now + For } };

        Decisions.Allowed(desk.Decide("m1", Alice, MessageType.Template));
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void AllowsTemplateInsideOpenWindowGivenBusinessInitiatedRestricted()
    {
        var desk = new Desk();
        desk.Account = desk.Account with { Restrictions = new Restrictions { BusinessInitiatedUntil = desk.Now + For } };
        desk.Inbound(Alice);

        var outcome = desk.Decide("m1", Alice, MessageType.Template);

        // Inside the customer's window a template is a reply, not a business-initiated conversation.
        Decisions.Allowed(outcome);
        Assert.Null(outcome.Counted);
    }
}
