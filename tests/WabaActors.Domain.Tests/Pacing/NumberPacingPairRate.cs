using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Pacing;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Pacing;

/// <summary>Meta's pair rate to one customer (meta-2026-webhooks.md §6): a burst of 45, then one per 6 s.</summary>
public class NumberPacingPairRate
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(6);

    [Fact]
    public void AllowsABurstOf45AndDeniesThe46thUntilSixSecondsLater()
    {
        var pacing = new NumberPacing(PacingRules.Meta);
        Assert.Equal(45, Send(pacing, Alice, Start, 45));

        var denied = pacing.Check(Alice, false, Start);

        Assert.Equal((false, DenyReason.PairRateLimit, (DateTimeOffset?)(Start + Interval)), (denied!.Allowed, denied.Reason, denied.RetryAt));
        Assert.False(string.IsNullOrEmpty(denied.Detail));
        Assert.NotNull(pacing.Check(Alice, false, Start + Interval - Tick));
        Assert.Equal(1, Send(pacing, Alice, Start + Interval, 2));
        Assert.Equal(Start + (2 * Interval), pacing.Check(Alice, false, Start + Interval)?.RetryAt);
    }

    [Fact]
    public void AllowsOnePerSixSecondsForeverGivenTheBurstUsed()
    {
        var pacing = new NumberPacing(PacingRules.Meta);
        Send(pacing, Alice, Start, 45);

        for (var i = 1; i <= 100; i++)
        {
            Assert.Equal(1, Send(pacing, Alice, Start + (i * Interval), 2));
        }
    }

    [Fact]
    public void RefillsOnePerIntervalUpToTheWholeBurst()
    {
        var pacing = new NumberPacing(PacingRules.Meta);
        Send(pacing, Alice, Start, 45);

        Assert.Equal(44, Send(pacing, Alice, Start + (44 * Interval), 50));
        Assert.Equal(45, Send(pacing, Alice, Start + (89 * Interval), 50));
    }

    [Fact]
    public void LeavesOtherCustomersUnaffectedGivenOneCustomersBurstUsed()
    {
        var pacing = new NumberPacing(PacingRules.Meta);
        Send(pacing, Alice, Start, 45);

        Assert.Equal(17, Send(pacing, Bob, Start, 17));
        Assert.Equal(17, Send(pacing, AliceBsuid, Start, 17));
    }

    [Fact]
    public void SharesOneBucketGivenTwoIdsOfOnePerson()
    {
        var pacing = new NumberPacing(PacingRules.Meta);
        Send(pacing, Alice, Start, 40);
        for (var i = 0; i < 5; i++)
        {
            Assert.Null(pacing.Check(AliceBsuid, [Alice], false, Start));
            pacing.Take(AliceBsuid, [Alice], false, Start);
        }

        Assert.Equal(Start + Interval, pacing.Check(AliceBsuid, [Alice], false, Start)?.RetryAt);
        Assert.Equal(Start + Interval, pacing.Check(Alice, [AliceBsuid], false, Start)?.RetryAt);
        Assert.Null(pacing.Check(BobBsuid, [Bob], false, Start));
    }

    [Fact]
    public void ForgetsACustomerGivenItsBucketFullAgain()
    {
        var pacing = new NumberPacing(PacingRules.Meta);
        Send(pacing, Alice, Start, 3);
        Send(pacing, AliceBsuid, Start, 1);
        Assert.Equal(2, pacing.Pairs);

        Send(pacing, Bob, Start + (3 * Interval), 1);

        Assert.Equal(1, pacing.Pairs);
    }

    /// <summary>Up to <paramref name="tries"/> sends at <paramref name="at"/> as a number makes them (check, then take); the number allowed.</summary>
    private static int Send(NumberPacing pacing, CustomerIdentity customer, DateTimeOffset at, int tries)
    {
        var allowed = 0;
        for (var i = 0; i < tries && pacing.Check(customer, false, at) is null; i++)
        {
            pacing.Take(customer, false, at);
            allowed++;
        }

        return allowed;
    }
}
