using WabaActors.Domain.Messaging;
using WabaActors.Domain.Pacing;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Pacing;

/// <summary>A number's throughput (meta-2026-webhooks.md §6): 80 messages in any second, 1,000 after Meta's upgrade.</summary>
public class NumberPacingThroughput
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void Allows80InOneSecondAndDeniesThe81stUntilASecondAfterTheFirst()
    {
        var pacing = new NumberPacing(PacingRules.Meta);
        Assert.Equal(80, Send(pacing, false, 80, i => Start + TimeSpan.FromMilliseconds(i * 10)));

        var denied = pacing.Check(Of(500), false, Start + Second - Tick);

        Assert.Equal((false, DenyReason.ThroughputLimit, (DateTimeOffset?)(Start + Second)), (denied!.Allowed, denied.Reason, denied.RetryAt));
        Assert.False(string.IsNullOrEmpty(denied.Detail));
        Assert.Null(pacing.Check(Of(500), false, Start + Second));
    }

    [Fact]
    public void SlidesTheSecondOneSendAtATime()
    {
        var pacing = new NumberPacing(PacingRules.Meta);
        Send(pacing, false, 80, i => Start + TimeSpan.FromMilliseconds(i * 10));
        pacing.Take(Of(500), false, Start + Second);

        Assert.Equal(Start + Second + TimeSpan.FromMilliseconds(10), pacing.Check(Of(501), false, Start + Second)?.RetryAt);
    }

    [Fact]
    public void Allows1000InOneSecondAndDeniesThe1001stGivenTheNumberUpgraded()
    {
        var pacing = new NumberPacing(PacingRules.Meta);

        Assert.Equal(1_000, Send(pacing, true, 1_001, i => Start + TimeSpan.FromMilliseconds(i / 2)));
        var denied = pacing.Check(Of(5_000), true, Start + TimeSpan.FromMilliseconds(999));
        Assert.Equal((DenyReason.ThroughputLimit, (DateTimeOffset?)(Start + Second)), (denied?.Reason, denied?.RetryAt));
    }

    [Fact]
    public void AllowsMoreWithinTheSameSecondGivenTheUpgradeArrivedAfter80()
    {
        var pacing = new NumberPacing(PacingRules.Meta);
        Send(pacing, false, 80, _ => Start);
        Assert.NotNull(pacing.Check(Of(900), false, Start));

        Assert.Equal(920, Send(pacing, true, 1_000, i => Start + TimeSpan.FromMilliseconds(1), from: 1_000));
    }

    /// <summary>Up to <paramref name="tries"/> sends, each to a new customer at <paramref name="at"/>(i); the number allowed before the first denial.</summary>
    private static int Send(NumberPacing pacing, bool upgraded, int tries, Func<int, DateTimeOffset> at, int from = 0)
    {
        var allowed = 0;
        for (var i = 0; i < tries && pacing.Check(Of(from + i), upgraded, at(i)) is null; i++)
        {
            pacing.Take(Of(from + i), upgraded, at(i));
            allowed++;
        }

        return allowed;
    }
}
