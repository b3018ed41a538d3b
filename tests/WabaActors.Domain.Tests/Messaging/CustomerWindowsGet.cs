using WabaActors.Domain.Messaging;
using WabaActors.Domain.Tests.MessagingSupport;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

public class CustomerWindowsGet
{
    private const string Rule = "session-window-24h";

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(1_000)] // 23:59:59.9999
    [InlineData(1)]
    public void OpenGivenTicksShortOf24hAfterCustomerMessage(long ticksShort)
    {
        var clock = Clock.New();
        var windows = Windows.New();
        var sentAt = clock.GetUtcNow();
        windows.RecordInbound(Alice, sentAt, sentAt);

        clock.Advance(Day - TimeSpan.FromTicks(ticksShort));

        Assert.Equal(new WindowState(true, sentAt + Day), windows.Get(Alice, clock.GetUtcNow()));
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void ClosedGivenExactly24hAfterCustomerMessage()
    {
        var clock = Clock.New();
        var windows = Windows.New();
        var sentAt = clock.GetUtcNow();
        windows.RecordInbound(Alice, sentAt, sentAt);

        clock.Advance(Day);

        Assert.Equal(WindowState.Closed, windows.Get(Alice, clock.GetUtcNow()));
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void ClosedWithoutExpiryGivenCustomerNeverWrote()
    {
        var windows = Windows.New();

        var state = windows.Get(Alice, Clock.Start);

        Assert.False(state.Open);
        Assert.Null(state.ExpiresAt);
    }
}
