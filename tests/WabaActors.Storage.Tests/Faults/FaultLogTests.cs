using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using WabaActors.Grains.Faults;
using WabaActors.Grains.Telemetry;

namespace WabaActors.Storage.Tests.Faults;

/// <summary>
/// An outage logs by kind and interval, not per call: the first fault at once (a warning, its message,
/// no stack), a count of the others at each interval's end, one line when they stop — on the injected clock.
/// </summary>
public sealed class FaultLogTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private static NpgsqlException Refused() => new("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

    [Fact]
    public void AThousandFaultsOfOneKindLogOneLineThenOneCountPerInterval()
    {
        var (time, log) = (new FakeTimeProvider(), new CapturedLog<FaultLog>());
        using var faults = new FaultLog(log, Options.Create(new FaultOptions { LogInterval = Interval }), time: time);

        for (var i = 0; i < 1000; i++)
        {
            Assert.True(faults.TryRecord(new InvalidOperationException("grain call failed", Refused()), FaultSource.Http));
        }

        var first = Assert.Single(log.Entries);
        Assert.Equal((LogLevel.Warning, WabaEventId.StorageFault), (first.Level, first.EventId));
        Assert.Contains("connection_refused", first.Message, StringComparison.Ordinal);
        Assert.Contains("Failed to connect to 127.0.0.1:5432", first.Message, StringComparison.Ordinal);
        Assert.Null(first.Error);   // no stack

        time.Advance(Interval);
        var summary = log.Entries[^1];
        Assert.Equal(2, log.Entries.Count);
        Assert.Equal(WabaEventId.StorageFaultsRepeated, summary.EventId);
        Assert.StartsWith("999 more storage faults (connection_refused) at http", summary.Message, StringComparison.Ordinal);

        // Still failing: one count per interval. Then quiet: one end line, then nothing.
        faults.TryRecord(Refused(), FaultSource.Http);
        time.Advance(Interval);
        Assert.StartsWith("1 more", log.Entries[^1].Message, StringComparison.Ordinal);
        time.Advance(Interval);
        Assert.Equal(WabaEventId.StorageFaultsEnded, log.Entries[^1].EventId);
        time.Advance(Interval * 5);
        Assert.Equal(4, log.Entries.Count);

        // A new episode starts with its first line again.
        faults.TryRecord(Refused(), FaultSource.Http);
        Assert.Equal(WabaEventId.StorageFault, log.Entries[^1].EventId);
    }

    [Fact]
    public void EachKindAndPlaceHasItsOwnLineAndOtherFailuresAreNotRecorded()
    {
        var (time, log) = (new FakeTimeProvider(), new CapturedLog<FaultLog>());
        using var faults = new FaultLog(log, Options.Create(new FaultOptions { LogInterval = Interval }), time: time);

        faults.TryRecord(Refused(), FaultSource.Http);
        faults.TryRecord(Refused(), FaultSource.GroupCommit);
        faults.TryRecord(new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"), FaultSource.Http);
        Assert.False(faults.TryRecord(new InvalidOperationException("a bug"), FaultSource.Http));

        Assert.Equal(3, log.Entries.Count);
        Assert.All(log.Entries, e => Assert.Equal(WabaEventId.StorageFault, e.EventId));
    }
}
