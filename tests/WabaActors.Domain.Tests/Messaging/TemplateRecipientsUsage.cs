using WabaActors.Domain.Messaging;
using WabaActors.Domain.Tests.MessagingSupport;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

public class TemplateRecipientsUsage
{
    private const string Rule = "template-recipients-rolling-24h";

    [Fact]
    [Trait("Rule", Rule)]
    public void ReportsNoNextSlotGivenBelowLimit()
    {
        var clock = Clock.New();
        var recipients = Recipients.New();
        recipients.TryCount(Alice, 2, clock.GetUtcNow());

        Assert.Equal(new RecipientUsage(1, 2, null), recipients.Usage(2, clock.GetUtcNow()));
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void DropsRecipientsCountedAFullPeriodAgo()
    {
        var clock = Clock.New();
        var recipients = Recipients.New();
        recipients.TryCount(Alice, 2, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(6));
        recipients.TryCount(Bob, 2, clock.GetUtcNow());
        Assert.Equal(new RecipientUsage(2, 2, Start + Day), recipients.Usage(2, clock.GetUtcNow()));

        clock.SetUtcNow(Start + Day);

        Assert.Equal(new RecipientUsage(1, 2, null), recipients.Usage(2, clock.GetUtcNow()));
    }
}
