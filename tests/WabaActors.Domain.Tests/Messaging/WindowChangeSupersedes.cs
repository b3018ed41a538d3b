using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;

namespace WabaActors.Domain.Tests.Messaging;

/// <summary>A store that keeps every window change folds them with this; the outcome must not depend on their order.</summary>
public class WindowChangeSupersedes
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);
    private static readonly DateTimeOffset T = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    private static WindowChange Message(DateTimeOffset at) => new(new CustomerId(4206011), (at + Window).UtcTicks, Closed: false);

    private static WindowChange Close(DateTimeOffset at) => new(new CustomerId(4206011), at.UtcTicks, Closed: true);

    [Fact]
    [Trait("Rule", "session-window-24h")]
    public void TheLaterMessageStands()
    {
        Assert.True(Message(T.AddHours(1)).Supersedes(Message(T), Window));
        Assert.False(Message(T).Supersedes(Message(T.AddHours(1)), Window));
    }

    [Fact]
    [Trait("Rule", "session-window-24h")]
    public void ACloseStandsOverTheMessagesUpToItsInstantAndFallsToALaterOne()
    {
        Assert.True(Close(T).Supersedes(Message(T), Window));
        Assert.False(Message(T).Supersedes(Close(T), Window));
        Assert.True(Message(T.AddMinutes(1)).Supersedes(Close(T), Window));
        Assert.False(Close(T).Supersedes(Message(T.AddMinutes(1)), Window));
    }

    [Fact]
    [Trait("Rule", "session-window-24h")]
    public void FoldingInAnyOrderGivesWhatTheLiveWindowsHold()
    {
        // A customer writes, the window is closed, the customer writes again; then an older message is redelivered.
        WindowChange[] written = [Message(T), Close(T.AddHours(2)), Message(T.AddHours(3)), Message(T.AddHours(1))];
        var live = new CustomerWindows(Window, TimeSpan.FromMinutes(5));
        foreach (var change in written.Take(3))
        {
            live.Apply(change);
        }

        foreach (var order in new[] { written, [.. written.Reverse()], [written[2], written[0], written[3], written[1]] })
        {
            var standing = order.Aggregate((kept, next) => next.Supersedes(kept, Window) ? next : kept);
            var folded = new CustomerWindows(Window, TimeSpan.FromMinutes(5));
            folded.Apply(standing);
            Assert.Equal(live.Get(new CustomerId(4206011), T.AddHours(4)), folded.Get(new CustomerId(4206011), T.AddHours(4)));
            Assert.Equal(Message(T.AddHours(3)), standing);
        }
    }
}
