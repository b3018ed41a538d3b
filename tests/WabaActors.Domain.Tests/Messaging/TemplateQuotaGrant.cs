using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.MessagingSupport;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

public class TemplateQuotaGrant
{
    private const string Rule = "template-recipients-rolling-24h";
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(false)]
    [InlineData(true)]
    public void CountsANewRecipientAndReturnsTheGrantToPersist(bool meta)
    {
        var quota = new TemplateQuota(meta ? WabaRules.Meta : WabaRules.Document);

        var answer = quota.Grant(Message("m1"), Alice, 3, Start);

        Assert.Equal(GrantOutcome.Counted, answer.Outcome);
        Assert.True(answer.Allowed);
        Assert.Equal(new RecipientUsage(1, 3, null), answer.Usage);
        Assert.Equal(new PermitGranted("m1", new CustomerId(Alice.Value), MessageType.Template, Start.UtcTicks) { Used = 1, Limit = 3 }, answer.Granted);
        Assert.True(quota.IsCounted(Alice, Start));
        Assert.Equal([Start], quota.CountedAt(Start));
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void AllowsWithoutANewSlotGivenCustomerAlreadyCountedUnderAnotherId()
    {
        var quota = Quota();
        quota.Grant(Message("m1"), Alice, 3, Start);

        var answer = quota.Grant(Message("m2"), Alice, 3, Start + Hour);

        Assert.Equal(GrantOutcome.AlreadyCounted, answer.Outcome);
        Assert.True(answer.Allowed);
        Assert.Null(answer.Granted);
        Assert.Equal(new RecipientUsage(1, 3, null), answer.Usage);
        Assert.Equal([Start], quota.CountedAt(Start + Hour));
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void AllowsAlreadyCountedCustomerGivenLimitReached()
    {
        var quota = Quota();
        quota.Grant(Message("m1"), Alice, 2, Start);
        quota.Grant(Message("m2"), Bob, 2, Start + Hour);

        var answer = quota.Grant(Message("m3"), Alice, 2, Start + 2 * Hour);

        Assert.Equal(GrantOutcome.AlreadyCounted, answer.Outcome);
        Assert.Equal((2, 2), (answer.Usage.Used, answer.Usage.Limit));
        Assert.Null(answer.Granted);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void DeniesUntilTheOldestRecipientLeavesThePeriodGivenLimitReached()
    {
        var quota = Quota();
        quota.Grant(Message("m1"), Alice, 2, Start);
        quota.Grant(Message("m2"), Bob, 2, Start + Hour);

        var full = quota.Grant(Message("m3"), Of(3), 2, Start + 2 * Hour);
        var stillFull = quota.Grant(Message("m3"), Of(3), 2, Start + Day - Tick);
        var freed = quota.Grant(Message("m3"), Of(3), 2, Start + Day);

        Assert.Equal(GrantOutcome.LimitReached, full.Outcome);
        Assert.False(full.Allowed);
        Assert.Equal(new RecipientUsage(2, 2, Start + Day), full.Usage);
        Assert.Null(full.Granted);
        Assert.Equal(GrantOutcome.LimitReached, stillFull.Outcome);
        Assert.Equal(GrantOutcome.Counted, freed.Outcome);
        Assert.Equal((2, 2), (freed.Usage.Used, freed.Usage.Limit));
        Assert.False(quota.IsCounted(Alice, Start + Day));
    }

    [Fact]
    [Trait("Rule", Rule)]
    [Trait("Rule", "idempotency")]
    public void ReplaysTheOriginalUsageWithoutCountingGivenSameIdAndCustomerFromAnotherNumber()
    {
        var quota = Quota();
        quota.Grant(Message("m1"), Alice, 2, Start);
        quota.Grant(Message("m2"), Bob, 2, Start + Hour);

        // The quota is full: only a replay of m1 (asked again by another number of the account) is allowed.
        var answer = quota.Grant(Message("m1"), Alice, 2, Start + 2 * Hour);

        Assert.Equal(GrantOutcome.Replayed, answer.Outcome);
        Assert.True(answer.Allowed);
        Assert.Equal(new RecipientUsage(1, 2, null), answer.Usage);
        Assert.Null(answer.Granted);
        Assert.Equal([Start, Start + Hour], quota.CountedAt(Start + 2 * Hour));
    }

    [Fact]
    [Trait("Rule", Rule)]
    [Trait("Rule", "idempotency")]
    public void RefusesWithoutCountingGivenSameIdForAnotherCustomer()
    {
        var quota = Quota();
        quota.Grant(Message("m1"), Alice, 3, Start);

        var answer = quota.Grant(Message("m1"), Bob, 3, Start + Hour);

        Assert.Equal(GrantOutcome.MessageIdReused, answer.Outcome);
        Assert.False(answer.Allowed);
        Assert.Null(answer.Granted);
        Assert.Equal(new RecipientUsage(1, 3, null), answer.Usage);
        Assert.False(quota.IsCounted(Bob, Start + Hour));
    }

    [Fact]
    [Trait("Rule", Rule)]
    [Trait("Rule", "idempotency")]
    public void CountsAfreshGivenSameIdOnceTheGrantLeftRetention()
    {
        var quota = Quota();
        quota.Grant(Message("m1"), Alice, 3, Start);

        var kept = quota.Grant(Message("m1"), Alice, 3, Start + Day - Tick);
        var afresh = quota.Grant(Message("m1"), Alice, 3, Start + Day);

        Assert.Equal(GrantOutcome.Replayed, kept.Outcome);
        Assert.Equal(GrantOutcome.Counted, afresh.Outcome);
        Assert.Equal((Start + Day).UtcTicks, afresh.Granted?.GrantedAtTicks);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void CountsAtTheLastCountingInstantGivenClockSteppedBack()
    {
        var quota = Quota();
        quota.Grant(Message("m1"), Alice, 3, Start + Hour);

        var answer = quota.Grant(Message("m2"), Bob, 3, Start);

        Assert.Equal(GrantOutcome.Counted, answer.Outcome);
        Assert.Equal((Start + Hour).UtcTicks, answer.Granted?.GrantedAtTicks);
        Assert.Equal([Start + Hour, Start + Hour], quota.CountedAt(Start + Hour));
    }

    private static TemplateQuota Quota() => new(WabaRules.Document);
}
