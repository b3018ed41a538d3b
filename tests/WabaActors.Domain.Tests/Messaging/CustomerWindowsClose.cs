using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Tests.MessagingSupport;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

public class CustomerWindowsClose
{
    private const string Rule = "session-window-24h";

    [Fact]
    [Trait("Rule", Rule)]
    public void ClosesOpenWindowGiven131047()
    {
        var clock = Clock.New();
        var windows = Windows.New();
        windows.RecordInbound(Alice, clock.GetUtcNow(), clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(1));
        var now = clock.GetUtcNow();

        var change = windows.Close(Alice, now, now);

        Assert.Equal(new WindowChange(new CustomerId(Alice.Value), now.UtcTicks, Closed: true), change);
        Assert.Equal(WindowState.Closed, windows.Get(Alice, now));
    }

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(-60)]
    [InlineData(0)] // the message's instant equals the close: not newer
    public void KeepsWindowClosedGivenRedeliveredOlderMessage(int minutesAfterClose)
    {
        var clock = Clock.New();
        var windows = Windows.New();
        var closedAt = clock.GetUtcNow() + TimeSpan.FromHours(1);
        var sentAt = closedAt + TimeSpan.FromMinutes(minutesAfterClose);
        windows.RecordInbound(Alice, sentAt, clock.GetUtcNow() + TimeSpan.FromHours(1));
        clock.Advance(TimeSpan.FromHours(1));
        windows.Close(Alice, closedAt, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(10));

        var change = windows.RecordInbound(Alice, sentAt, clock.GetUtcNow()).Value;

        Assert.Null(change);
        Assert.False(windows.Get(Alice, clock.GetUtcNow()).Open);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void ReopensWindowGivenMessageNewerThanClose()
    {
        var clock = Clock.New();
        var windows = Windows.New();
        windows.RecordInbound(Alice, clock.GetUtcNow(), clock.GetUtcNow());
        var closedAt = clock.GetUtcNow() + TimeSpan.FromHours(1);
        clock.Advance(TimeSpan.FromHours(1));
        windows.Close(Alice, closedAt, clock.GetUtcNow());
        var sentAt = closedAt + Tick;

        var change = windows.RecordInbound(Alice, sentAt, clock.GetUtcNow()).Value;

        Assert.Equal(new WindowChange(new CustomerId(Alice.Value), (sentAt + Day).UtcTicks, Closed: false), change);
        Assert.Equal(new WindowState(true, sentAt + Day), windows.Get(Alice, clock.GetUtcNow()));
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void ChangesNothingGivenCloseOlderThanCustomersLastMessage()
    {
        var clock = Clock.New();
        var windows = Windows.New();
        var closedAt = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMinutes(10));
        var sentAt = clock.GetUtcNow();
        windows.RecordInbound(Alice, sentAt, sentAt);
        clock.Advance(TimeSpan.FromMinutes(1));

        // The 131047 of a send before the customer wrote arrives late: the customer's message stands.
        var change = windows.Close(Alice, closedAt, clock.GetUtcNow());

        Assert.Null(change);
        Assert.Equal(new WindowState(true, sentAt + Day), windows.Get(Alice, clock.GetUtcNow()));
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void KeepsLateOlderMessageOutGivenCloseArrivedBeforeIt()
    {
        var clock = Clock.New();
        var windows = Windows.New();
        var sentAt = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromHours(1));
        var closedAt = clock.GetUtcNow();

        var close = windows.Close(Alice, closedAt, closedAt);
        var late = windows.RecordInbound(Alice, sentAt, clock.GetUtcNow()).Value;

        Assert.Equal(new WindowChange(new CustomerId(Alice.Value), closedAt.UtcTicks, Closed: true), close);
        Assert.Null(late);
        Assert.False(windows.Get(Alice, clock.GetUtcNow()).Open);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void ReturnsNullGivenCloseTooOldToHideAnyOpenWindow()
    {
        var clock = Clock.New();
        var windows = Windows.New();
        var closedAt = clock.GetUtcNow();
        clock.Advance(Day);

        var change = windows.Close(Alice, closedAt, clock.GetUtcNow());

        Assert.Null(change);
        Assert.Equal(0, windows.Tracked);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void KeepsLaterCloseGivenOlderCloseArrivingAfterIt()
    {
        var clock = Clock.New();
        var windows = Windows.New();
        windows.RecordInbound(Alice, clock.GetUtcNow(), clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(2));
        var now = clock.GetUtcNow();
        windows.Close(Alice, now, now);

        var older = windows.Close(Alice, now - TimeSpan.FromHours(1), now);
        var between = windows.RecordInbound(Alice, now - TimeSpan.FromMinutes(30), now).Value;

        Assert.Null(older);
        Assert.Null(between);
        Assert.False(windows.Get(Alice, now).Open);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void KeepsNewerWindowGivenCloseRedeliveredAfterLaterMessage()
    {
        var clock = Clock.New();
        var windows = Windows.New();
        windows.RecordInbound(Alice, clock.GetUtcNow(), clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(30));
        var closedAt = clock.GetUtcNow();
        windows.Close(Alice, closedAt, closedAt);
        clock.Advance(TimeSpan.FromMinutes(30));
        var sentAt = clock.GetUtcNow();
        windows.RecordInbound(Alice, sentAt, sentAt);
        clock.Advance(TimeSpan.FromMinutes(5));

        // Meta redelivers the failed status (131047) of the earlier send.
        var change = windows.Close(Alice, closedAt, clock.GetUtcNow());

        Assert.Null(change);
        Assert.Equal(new WindowState(true, sentAt + Day), windows.Get(Alice, clock.GetUtcNow()));
    }
}
