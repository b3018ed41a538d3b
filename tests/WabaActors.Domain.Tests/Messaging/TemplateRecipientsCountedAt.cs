using WabaActors.Domain.Messaging;
using WabaActors.Domain.Tests.MessagingSupport;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

public class TemplateRecipientsCountedAt
{
    private const string Rule = "template-recipients-rolling-24h";

    [Fact]
    [Trait("Rule", Rule)]
    public void ListsEachCountedRecipientOnceOldestFirst()
    {
        var clock = Clock.New();
        var recipients = Recipients.New();
        recipients.TryCount(Alice, 5, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(2));
        recipients.TryCount(Bob, 5, clock.GetUtcNow());
        recipients.TryCount(Alice, 5, clock.GetUtcNow());

        Assert.Equal([Start, Start + TimeSpan.FromHours(2)], recipients.CountedAt(clock.GetUtcNow()));
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void LeavesOutRecipientsCountedAFullPeriodAgo()
    {
        var clock = Clock.New();
        var recipients = Recipients.New();
        recipients.TryCount(Alice, 5, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(6));
        recipients.TryCount(Bob, 5, clock.GetUtcNow());

        Assert.Equal([Start + TimeSpan.FromHours(6)], recipients.CountedAt(Start + Day));
    }
}
