using WabaActors.Domain.Messaging;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Tests.MessagingSupport;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

public class NumberPermitsDecideRestrictions
{
    private const string Rule = "send-decision";
    private static readonly TimeSpan For = TimeSpan.FromHours(6);

    [Fact]
    [Trait("Rule", Rule)]
    public void DeniesTemplateRestrictedBusinessInitiatedUntilExpirationThenAllows()
    {
        var number = new NumberAndQuota();
        var until = number.Now + For;
        number.Account = number.Account with { Restrictions = new Restrictions { BusinessInitiatedUntil = until } };

        var denied = number.Decide("m1", Alice, MessageType.Template);
        number.Time.SetUtcNow(until);
        var allowed = number.Decide("m1", Alice, MessageType.Template);

        Decisions.Denied(denied, DenyReason.RestrictedBusinessInitiated, retryAt: until);
        Assert.False(denied.AskedQuota);
        Decisions.Allowed(allowed);
        Assert.NotNull(allowed.Counted);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void DeniesSessionRestrictedCustomerInitiatedUntilExpirationThenAllows()
    {
        var number = new NumberAndQuota();
        var until = number.Now + For;
        number.Account = number.Account with { Restrictions = new Restrictions { CustomerInitiatedUntil = until } };
        number.Inbound(Alice);

        var denied = number.Decide("m1", Alice, MessageType.Session);
        number.Time.SetUtcNow(until - Clock.Tick);
        var stillDenied = number.Decide("m1", Alice, MessageType.Session);
        number.Time.SetUtcNow(until);
        var allowed = number.Decide("m1", Alice, MessageType.Session);

        Decisions.Denied(denied, DenyReason.RestrictedCustomerInitiated, retryAt: until);
        Decisions.Denied(stillDenied, DenyReason.RestrictedCustomerInitiated, retryAt: until);
        Decisions.Allowed(allowed);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void AllowsSessionGivenOnlyBusinessInitiatedRestricted()
    {
        var number = new NumberAndQuota();
        number.Account = number.Account with { Restrictions = new Restrictions { BusinessInitiatedUntil = number.Now + For } };
        number.Inbound(Alice);

        Decisions.Allowed(number.Decide("m1", Alice, MessageType.Session));
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void AllowsTemplateGivenOnlyCustomerInitiatedRestricted()
    {
        var number = new NumberAndQuota();
        number.Account = number.Account with { Restrictions = new Restrictions { CustomerInitiatedUntil = number.Now + For } };

        Decisions.Allowed(number.Decide("m1", Alice, MessageType.Template));
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void AllowsTemplateInsideOpenWindowGivenBusinessInitiatedRestricted()
    {
        var number = new NumberAndQuota();
        number.Account = number.Account with { Restrictions = new Restrictions { BusinessInitiatedUntil = number.Now + For } };
        number.Inbound(Alice);

        var answer = number.Decide("m1", Alice, MessageType.Template);

        // Inside the customer's window a template is a reply, not a business-initiated conversation.
        Decisions.Allowed(answer);
        Assert.False(answer.AskedQuota);
        Assert.Null(answer.Counted);
    }
}
