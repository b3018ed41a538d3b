using WabaActors.Domain.Messaging;
using WabaActors.Domain.Tests.MessagingSupport;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

public class CustomerWindowsApply
{
    [Fact]
    [Trait("Rule", "session-window-24h")]
    public void RebuildsSameWindowsGivenPersistedChangesReplayed()
    {
        var clock = Clock.New();
        var live = Windows.New();
        var changes = new List<WindowChange>();
        void Keep(WindowChange? change)
        {
            if (change is { } c)
            {
                changes.Add(c);
            }
        }

        Keep(live.RecordInbound(Alice, clock.GetUtcNow(), clock.GetUtcNow()).Value);
        Keep(live.RecordInbound(Bob, clock.GetUtcNow(), clock.GetUtcNow()).Value);
        clock.Advance(TimeSpan.FromHours(3));
        Keep(live.Close(Bob, clock.GetUtcNow(), clock.GetUtcNow()));
        Keep(live.RecordInbound(Alice, clock.GetUtcNow(), clock.GetUtcNow()).Value);

        var replayed = Windows.New();
        changes.ForEach(replayed.Apply);

        Assert.Equal(4, changes.Count);
        foreach (var customer in new[] { Alice, Bob })
        {
            Assert.Equal(live.Get(customer, clock.GetUtcNow()), replayed.Get(customer, clock.GetUtcNow()));
        }
    }
}
