using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Tests.MessagingSupport;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

public class TemplateRecipientsTryCount
{
    private const string Rule = "template-recipients-rolling-24h";
    private const int Limit = 50;

    [Fact]
    [Trait("Rule", Rule)]
    public void Counts50thRecipientGivenDefaultLimit()
    {
        var clock = Clock.New();
        var recipients = Recipients.New();
        var first = clock.GetUtcNow();
        for (var i = 1; i < Limit; i++)
        {
            recipients.TryCount(Of(i), Limit, clock.GetUtcNow());
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        var fiftieth = recipients.TryCount(Of(Limit), Limit, clock.GetUtcNow());

        Assert.Equal(CountOutcome.Counted, fiftieth.Outcome);
        Assert.True(fiftieth.Granted);
        Assert.Equal(new RecipientCounted(new CustomerId(Of(Limit).Value), clock.GetUtcNow().UtcTicks), fiftieth.Change);
        Assert.Equal(new RecipientUsage(Limit, Limit, first + Day), fiftieth.Usage);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void Denies51stUntilOldestCountedLeavesThePeriod()
    {
        var clock = Clock.New();
        var recipients = Recipients.New();
        var oldest = clock.GetUtcNow();
        for (var i = 1; i <= Limit; i++)
        {
            recipients.TryCount(Of(i), Limit, clock.GetUtcNow());
            clock.Advance(TimeSpan.FromMinutes(10));
        }

        var denied = recipients.TryCount(Of(Limit + 1), Limit, clock.GetUtcNow());

        Assert.Equal(CountOutcome.LimitReached, denied.Outcome);
        Assert.False(denied.Granted);
        Assert.Null(denied.Change);
        Assert.Equal(new RecipientUsage(Limit, Limit, oldest + Day), denied.Usage);
        Assert.False(recipients.IsCounted(Of(Limit + 1), clock.GetUtcNow()));
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void CountsSameRecipientOnceGivenTwoTemplates()
    {
        var clock = Clock.New();
        var recipients = Recipients.New();
        recipients.TryCount(Alice, Limit, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(5));

        var again = recipients.TryCount(Alice, Limit, clock.GetUtcNow());

        Assert.Equal(CountOutcome.AlreadyCounted, again.Outcome);
        Assert.True(again.Granted);
        Assert.Null(again.Change);
        Assert.Equal(1, again.Usage.Used);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void GrantsAlreadyCountedRecipientGivenLimitReached()
    {
        var clock = Clock.New();
        var recipients = Recipients.New();
        recipients.TryCount(Alice, 1, clock.GetUtcNow());

        var again = recipients.TryCount(Alice, 1, clock.GetUtcNow());

        Assert.Equal(CountOutcome.AlreadyCounted, again.Outcome);
        Assert.Equal(new RecipientUsage(1, 1, clock.GetUtcNow() + Day), again.Usage);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void FreesSlotExactly24hAfterOldestWasCounted()
    {
        var clock = Clock.New();
        var recipients = Recipients.New();
        var oldest = clock.GetUtcNow();
        recipients.TryCount(Alice, 2, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(1));
        recipients.TryCount(Bob, 2, clock.GetUtcNow());

        clock.SetUtcNow(oldest + Day - Tick);
        var early = recipients.TryCount(Of(3), 2, clock.GetUtcNow());
        clock.SetUtcNow(oldest + Day);
        var onTime = recipients.TryCount(Of(3), 2, clock.GetUtcNow());

        Assert.Equal(CountOutcome.LimitReached, early.Outcome);
        Assert.Equal(oldest + Day, early.Usage.NextSlotAt);
        Assert.Equal(CountOutcome.Counted, onTime.Outcome);
        Assert.Equal(oldest + Day, onTime.Change?.At);
        Assert.False(recipients.IsCounted(Alice, clock.GetUtcNow()));
        Assert.True(recipients.IsCounted(Bob, clock.GetUtcNow()));
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void CountsRecipientAgainGivenPeriodPassedSinceCounted()
    {
        var clock = Clock.New();
        var recipients = Recipients.New();
        recipients.TryCount(Alice, Limit, clock.GetUtcNow());
        clock.Advance(Day);

        var again = recipients.TryCount(Alice, Limit, clock.GetUtcNow());

        Assert.Equal(CountOutcome.Counted, again.Outcome);
        Assert.Equal(new RecipientUsage(1, Limit, null), again.Usage);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void DeniesWithoutNextSlotGivenLimitZero()
    {
        var recipients = Recipients.New();

        var denied = recipients.TryCount(Alice, 0, Clock.Start);

        Assert.Equal(CountOutcome.LimitReached, denied.Outcome);
        Assert.Equal(new RecipientUsage(0, 0, null), denied.Usage);
    }
}
