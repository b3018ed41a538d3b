using WabaActors.Domain.Identity;
using WabaActors.Domain.Common;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Tests.MessagingSupport;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

/// <summary>A repeated inbound messageId changes nothing, whatever its timestamp.</summary>
public class InboundLedgerRecord
{
    private const string Rule = "inbound-message-id";
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    [Trait("Rule", Rule)]
    public void ChangesNothingGivenSameMessageIdWithLaterTimestamp()
    {
        var (ledger, windows) = InboundLedgers.WithWindows();
        var sentAt = Start - Hour;
        ledger.Record(windows, Message("wamid.1"), Alice, sentAt, Start);
        var now = Start + TimeSpan.FromMinutes(30);

        var repeat = ledger.Record(windows, Message("wamid.1"), Alice, now, now);

        Assert.True(repeat.IsSuccess);
        Assert.Null(repeat.Value);
        Assert.Equal(new WindowState(true, sentAt + Day), windows.Get(Alice, now));
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void ChangesNothingGivenRepeatWithTimestampInFuture()
    {
        var (ledger, windows) = InboundLedgers.WithWindows();
        ledger.Record(windows, Message("wamid.1"), Alice, Start, Start);

        var repeat = ledger.Record(windows, Message("wamid.1"), Alice, Start + Hour, Start);

        Assert.Null(repeat.Value);
        Assert.Equal(Start + Day, windows.Get(Alice, Start).ExpiresAt);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void ExtendsWindowGivenDifferentIdsWithLaterTimestamps()
    {
        var (ledger, windows) = InboundLedgers.WithWindows();
        ledger.Record(windows, Message("wamid.1"), Alice, Start - Hour, Start);
        var now = Start + Hour;

        var second = ledger.Record(windows, Message("wamid.2"), Alice, now, now).Value;

        Assert.Equal((now + Day).UtcTicks, second?.Window?.ExpiresAtTicks);
        Assert.Equal(new WindowState(true, now + Day), windows.Get(Alice, now));
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void CarriesTheIdsDigestOnTheWindowChangeItMade()
    {
        var (ledger, windows) = InboundLedgers.WithWindows();
        var sentAt = Start - Hour;

        var recorded = ledger.Record(windows, Message("wamid.1"), Alice, sentAt, Start).Value!.Value;

        var digest = InboundLedger.Digest(Message("wamid.1"));
        Assert.Equal(new WindowChange(new CustomerId(Alice.Value), (sentAt + Day).UtcTicks, Closed: false) { InboundDigest = digest }, recorded.Window);
        Assert.Equal(new InboundId(digest, Start.UtcTicks), recorded.Id);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void RemembersTheIdAloneGivenMessageOlderThanTheWindow()
    {
        var (ledger, windows) = InboundLedgers.WithWindows();

        var recorded = ledger.Record(windows, Message("wamid.old"), Alice, Start - Day - Hour, Start).Value!.Value;
        var redelivered = ledger.Record(windows, Message("wamid.old"), Alice, Start, Start);

        Assert.Equal(new InboundRecorded(new InboundId(InboundLedger.Digest(Message("wamid.old")), Start.UtcTicks), null), recorded);
        Assert.Null(redelivered.Value);
        Assert.Equal(WindowState.Closed, windows.Get(Alice, Start));
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void RemembersTheIdAloneGivenMessageOlderThanTheCustomersLatest()
    {
        var (ledger, windows) = InboundLedgers.WithWindows();
        ledger.Record(windows, Message("wamid.2"), Alice, Start, Start);

        var late = ledger.Record(windows, Message("wamid.1"), Alice, Start - Hour, Start).Value;
        var redelivered = ledger.Record(windows, Message("wamid.1"), Alice, Start + TimeSpan.FromMinutes(1), Start + TimeSpan.FromMinutes(1));

        Assert.Null(late?.Window);
        Assert.Null(redelivered.Value);
        Assert.Equal(Start + Day, windows.Get(Alice, Start + TimeSpan.FromMinutes(1)).ExpiresAt);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void ForgetsTheIdGivenAWindowPassedAfterItWasRecorded()
    {
        var (ledger, windows) = InboundLedgers.WithWindows();
        ledger.Record(windows, Message("wamid.1"), Alice, Start - Hour, Start);
        var forgottenAt = Start + Day;

        var stillRepeat = ledger.Record(windows, Message("wamid.1"), Alice, forgottenAt - Tick, forgottenAt - Tick);
        var afresh = ledger.Record(windows, Message("wamid.1"), Alice, forgottenAt, forgottenAt);

        Assert.Null(stillRepeat.Value);
        Assert.Equal((forgottenAt + Day).UtcTicks, afresh.Value?.Window?.ExpiresAtTicks);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void ForgetsTheIdAloneGivenAWindowPassedAfterItWasRecorded()
    {
        var (ledger, windows) = InboundLedgers.WithWindows();
        ledger.Record(windows, Message("wamid.old"), Alice, Start - Day, Start);

        Assert.Null(ledger.Record(windows, Message("wamid.old"), Alice, Start + Day - Tick, Start + Day - Tick).Value);
        Assert.NotNull(ledger.Record(windows, Message("wamid.old"), Alice, Start + Day, Start + Day).Value?.Window);
        Assert.True(windows.Get(Alice, Start + Day).Open);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void RemembersNothingGivenTimestampRefused()
    {
        var (ledger, windows) = InboundLedgers.WithWindows();

        var refused = ledger.Record(windows, Message("wamid.1"), Alice, Start + Hour, Start);
        var retried = ledger.Record(windows, Message("wamid.1"), Alice, Start, Start);

        Assert.Equal(ErrorCodes.TimestampInFuture, refused.Error?.Code);
        Assert.NotNull(retried.Value?.Window);
        Assert.Equal(1, ledger.Count);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void ChangesNothingGivenTheSameIdForAnotherCustomer()
    {
        // An id repeated for another customer — and so a digest collision, which looks the same — is a
        // repeat: it can withhold a window, never open or move one.
        var (ledger, windows) = InboundLedgers.WithWindows();
        ledger.Record(windows, Message("wamid.1"), Alice, Start, Start);

        var other = ledger.Record(windows, Message("wamid.1"), Bob, Start, Start);

        Assert.Null(other.Value);
        Assert.Equal(WindowState.Closed, windows.Get(Bob, Start));
        Assert.Equal(Start + Day, windows.Get(Alice, Start).ExpiresAt);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void RepeatNeverReopensAWindowClosedBy131047()
    {
        var (ledger, windows) = InboundLedgers.WithWindows();
        ledger.Record(windows, Message("wamid.1"), Alice, Start - Hour, Start);
        windows.Close(Alice, Start, Start);
        var now = Start + TimeSpan.FromMinutes(10);

        var repeat = ledger.Record(windows, Message("wamid.1"), Alice, now, now);

        Assert.Null(repeat.Value);
        Assert.Equal(WindowState.Closed, windows.Get(Alice, now));
    }
}
