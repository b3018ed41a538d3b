using WabaActors.Domain.Identity;
using WabaActors.Domain.Common;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Tests.MessagingSupport;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

public class CustomerWindowsRecordInbound
{
    private const string Rule = "session-window-24h";

    [Fact]
    [Trait("Rule", Rule)]
    public void OpensWindowUntilCustomerTimestampPlus24hGivenMessageReceivedLate()
    {
        var clock = Clock.New();
        var windows = Windows.New();
        var sentAt = clock.GetUtcNow() - TimeSpan.FromHours(2);

        var change = windows.RecordInbound(Alice, sentAt, clock.GetUtcNow()).Value;

        Assert.Equal(new WindowChange(new CustomerId(Alice.Value), (sentAt + Day).UtcTicks, Closed: false), change);
        Assert.Equal(new WindowState(true, sentAt + Day), windows.Get(Alice, clock.GetUtcNow()));
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void ExtendsWindowGivenLaterMessage()
    {
        var clock = Clock.New();
        var windows = Windows.New();
        windows.RecordInbound(Alice, clock.GetUtcNow(), clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(20));
        var now = clock.GetUtcNow();

        var change = windows.RecordInbound(Alice, now, now).Value;

        Assert.Equal(now + Day, change?.At);
        clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(new WindowState(true, now + Day), windows.Get(Alice, clock.GetUtcNow()));
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void KeepsLaterExpiryGivenEarlierMessageArrivingAfterIt()
    {
        var clock = Clock.New();
        var windows = Windows.New();
        var now = clock.GetUtcNow();
        windows.RecordInbound(Alice, now, now);

        var change = windows.RecordInbound(Alice, now - TimeSpan.FromHours(1), now).Value;

        Assert.Null(change);
        Assert.Equal(now + Day, windows.Get(Alice, now).ExpiresAt);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void AcceptsTimestampGivenExactlyFiveMinutesInFuture()
    {
        var clock = Clock.New();
        var windows = Windows.New();
        var now = clock.GetUtcNow();

        var result = windows.RecordInbound(Alice, now + TimeSpan.FromMinutes(5), now);

        Assert.True(result.IsSuccess);
        Assert.Equal(now + TimeSpan.FromMinutes(5) + Day, windows.Get(Alice, now).ExpiresAt);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void RefusesTimestampInFutureAndChangesNothingGivenFiveMinutesAndOneTickAhead()
    {
        var clock = Clock.New();
        var windows = Windows.New();
        var now = clock.GetUtcNow();
        windows.RecordInbound(Alice, now, now);

        var result = windows.RecordInbound(Alice, now + TimeSpan.FromMinutes(5) + Tick, now);
        var unknown = windows.RecordInbound(Bob, now + TimeSpan.FromMinutes(5) + Tick, now);

        Assert.Equal(ErrorCodes.TimestampInFuture, result.Error?.Code);
        Assert.Equal(ErrorCodes.TimestampInFuture, unknown.Error?.Code);
        Assert.Equal(now + Day, windows.Get(Alice, now).ExpiresAt);
        Assert.Equal(WindowState.Closed, windows.Get(Bob, now));
        Assert.Equal(1, windows.Tracked);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void ChangesNothingGivenMessageWhoseWindowAlreadyExpired()
    {
        var clock = Clock.New();
        var windows = Windows.New();
        var now = clock.GetUtcNow();

        var change = windows.RecordInbound(Alice, now - Day, now).Value;

        Assert.Null(change);
        Assert.Equal(WindowState.Closed, windows.Get(Alice, now));
        Assert.Equal(0, windows.Tracked);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void OpensForOneTickGivenMessageOneTickShortOf24hOld()
    {
        var clock = Clock.New();
        var windows = Windows.New();
        var now = clock.GetUtcNow();

        var change = windows.RecordInbound(Alice, now - Day + Tick, now).Value;

        Assert.Equal(now + Tick, change?.At);
        Assert.True(windows.Get(Alice, now).Open);
        Assert.False(windows.Get(Alice, now + Tick).Open);
    }

    [Fact]
    [Trait("Rule", Rule)]
    [Trait("Rule", "idempotency")]
    public void ReturnsNullChangeGivenSameMessageTwice()
    {
        var clock = Clock.New();
        var windows = Windows.New();
        var sentAt = clock.GetUtcNow();
        var first = windows.RecordInbound(Alice, sentAt, clock.GetUtcNow()).Value;
        clock.Advance(TimeSpan.FromMinutes(30));

        var second = windows.RecordInbound(Alice, sentAt, clock.GetUtcNow()).Value;

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal(sentAt + Day, windows.Get(Alice, clock.GetUtcNow()).ExpiresAt);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void KeepsOtherCustomersWindowsApart()
    {
        var clock = Clock.New();
        var windows = Windows.New();
        var now = clock.GetUtcNow();

        windows.RecordInbound(Alice, now, now);

        Assert.True(windows.Get(Alice, now).Open);
        Assert.False(windows.Get(Bob, now).Open);
    }
}
