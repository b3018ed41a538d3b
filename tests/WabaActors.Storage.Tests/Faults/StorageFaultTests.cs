using System.Net.Sockets;
using Npgsql;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Messaging;

namespace WabaActors.Storage.Tests.Faults;

/// <summary>
/// The one rule that decides which failures are a database outage (answered 503 storage_unavailable,
/// counted instead of logged) — with Npgsql's real exception types, bare and wrapped as a grain call
/// may deliver them — and which are not (a bug, a fenced quota, a grain call's own timeout).
/// </summary>
public sealed class StorageFaultTests
{
    private static NpgsqlException Refused() => new("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

    private static PostgresException Server(string state) => new("the server says no", "FATAL", "FATAL", state);

    [Fact]
    public void ConnectionFailuresAreOutagesOfTheirKind()
    {
        Assert.Equal(StorageFault.ConnectionRefused, StorageFault.KindOf(Refused()));
        Assert.Equal(StorageFault.ConnectionLost, StorageFault.KindOf(new NpgsqlException("Exception while reading from stream", new EndOfStreamException())));
        Assert.Equal(StorageFault.Timeout, StorageFault.KindOf(new NpgsqlException("The operation has timed out", new TimeoutException())));
        Assert.Equal(StorageFault.ServerShutdown, StorageFault.KindOf(Server("57P01")));
        Assert.Equal(StorageFault.ServerStarting, StorageFault.KindOf(Server("57P03")));
        Assert.Equal(StorageFault.ServerOverloaded, StorageFault.KindOf(Server("53300")));
        Assert.Equal(StorageFault.ConnectionLost, StorageFault.KindOf(Server("08006")));
    }

    [Fact]
    public void AnOutageIsFoundInsideWrappingExceptions()
    {
        Assert.Equal(StorageFault.ConnectionRefused, StorageFault.KindOf(new InvalidOperationException("activation failed", Refused())));
        Assert.Equal(StorageFault.ServerShutdown, StorageFault.KindOf(new AggregateException(new ArgumentException("x"), new Exception("y", Server("57P01")))));
        Assert.Equal(StorageFault.ConnectionLost, StorageFault.KindOf(
            new Orleans.Serialization.CodecNotFoundException("Could not find a codec for type Npgsql.NpgsqlException.")));
    }

    [Fact]
    public void OtherFailuresAreNotOutages()
    {
        Assert.Null(StorageFault.KindOf(Server("23505")));              // a unique violation: a bug, answered 500
        Assert.Null(StorageFault.KindOf(new TimeoutException()));       // a grain call's timeout: 503 timeout
        Assert.Null(StorageFault.KindOf(new QuotaFencedException("account:w")));
        Assert.Null(StorageFault.KindOf(new InvalidOperationException("a bug")));
    }

    [Fact]
    public void EveryPassingStateHasItsCode()
    {
        Assert.Equal(Unavailable.StorageUnavailable, Unavailable.CodeOf(new Exception("wrapped", Refused())));
        Assert.Equal(Unavailable.QuotaUnavailable, Unavailable.CodeOf(new QuotaFencedException("account:w")));
        Assert.Equal(Unavailable.Timeout, Unavailable.CodeOf(new TimeoutException()));
        Assert.Null(Unavailable.CodeOf(new InvalidOperationException("a bug")));
    }
}
