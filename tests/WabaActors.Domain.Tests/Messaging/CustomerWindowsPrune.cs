using WabaActors.Domain.Tests.MessagingSupport;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

public class CustomerWindowsPrune
{
    private const string Rule = "session-window-24h";

    [Fact]
    [Trait("Rule", Rule)]
    public void DropsEachWindowExactlyWhenItExpires()
    {
        var clock = Clock.New();
        var windows = Windows.New();
        for (var i = 0; i < 3; i++)
        {
            windows.RecordInbound(Of(i), clock.GetUtcNow(), clock.GetUtcNow());
            clock.Advance(TimeSpan.FromHours(1));
        }

        clock.Advance(TimeSpan.FromHours(21) - Tick); // one tick before the first expires
        windows.Prune(clock.GetUtcNow());
        Assert.Equal(3, windows.Tracked);

        clock.Advance(Tick);
        windows.Prune(clock.GetUtcNow());
        Assert.Equal(2, windows.Tracked);

        clock.Advance(TimeSpan.FromHours(2));
        windows.Prune(clock.GetUtcNow());
        Assert.Equal(0, windows.Tracked);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void KeepsExtendedWindowGivenItsFirstExpiryPassed()
    {
        var clock = Clock.New();
        var windows = Windows.New();
        windows.RecordInbound(Alice, clock.GetUtcNow(), clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(12));
        var extendedAt = clock.GetUtcNow();
        windows.RecordInbound(Alice, extendedAt, extendedAt);

        clock.Advance(TimeSpan.FromHours(12));
        windows.Prune(clock.GetUtcNow());

        Assert.Equal(1, windows.Tracked);
        Assert.Equal(extendedAt + Day, windows.Get(Alice, clock.GetUtcNow()).ExpiresAt);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void KeepsClosedWindowUntilAFullWindowAfterTheClose()
    {
        var clock = Clock.New();
        var windows = Windows.New();
        windows.RecordInbound(Alice, clock.GetUtcNow(), clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(1));
        var closedAt = clock.GetUtcNow();
        windows.Close(Alice, closedAt, closedAt);

        clock.Advance(Day - Tick);
        windows.Prune(clock.GetUtcNow());
        Assert.Equal(1, windows.Tracked);

        clock.Advance(Tick);
        windows.Prune(clock.GetUtcNow());
        Assert.Equal(0, windows.Tracked);
    }
}
