using WabaActors.Gateway.Tests.Support;
using WabaActors.Grains.Gateway;

namespace WabaActors.Gateway.Tests;

/// <summary>Reading the channel (status, billing_started_at): a GET, the one call retried after a transient failure.</summary>
public sealed class Dialog360Channel : IAsyncLifetime
{
    private const string Phone = "420777000003";
    private Adapter _adapter = null!;

    private Dialog360Stub Stub => _adapter.Stub;

    public async Task InitializeAsync() => _adapter = await Adapter.StartAsync();

    public async Task DisposeAsync() => await _adapter.DisposeAsync();

    [Fact]
    public async Task ReadsStatusAndBillingStart()
    {
        var result = await _adapter.Gateway.GetChannelAsync(Phone);

        Assert.Equal(new ChannelStatus("ready", Dialog360Stub.BillingStartedAt), result.Value);
    }

    [Fact]
    public async Task NoBillingStartYetIsNull()
    {
        Stub.Next(Phone, StubOperation.Channel, StubReply.Channel(Phone, "pending", null));

        var result = await _adapter.Gateway.GetChannelAsync(Phone);

        Assert.Equal(new ChannelStatus("pending", null), result.Value);
    }

    [Fact]
    public async Task TransientFailuresAreRetriedUntilAnAnswer()
    {
        Stub.Next(Phone, StubOperation.Channel, StubReply.ServerError(503), StubReply.Hang);

        var result = await _adapter.Gateway.GetChannelAsync(Phone);

        Assert.Equal(Dialog360Stub.BillingStartedAt, result.Value!.BillingStartedAt);
        Assert.Equal(3, Stub.Count(Phone, StubOperation.Channel));
    }

    [Fact]
    public async Task GivesUpAfterTheConfiguredRetries()
    {
        Stub.Next(Phone, StubOperation.Channel, StubReply.ServerError(500), StubReply.ServerError(502), StubReply.ServerError(503), StubReply.ServerError(500));

        var result = await _adapter.Gateway.GetChannelAsync(Phone);

        Assert.Equal(GatewayFailureKind.Unavailable, result.Failure!.Kind);
        Assert.Equal(1 + 2, Stub.Count(Phone, StubOperation.Channel));
    }

    [Fact]
    public async Task NoChannelOrAnUnreadableOneIsAGatewayError()
    {
        Stub.Next(Phone, StubOperation.Channel, StubReply.NoChannel, StubReply.Json(200, """{"partner_channels":[{"status":"ready","billing_started_at":"yesterday"}]}"""));

        Assert.Equal(GatewayFailureKind.Error, (await _adapter.Gateway.GetChannelAsync(Phone)).Failure!.Kind);
        Assert.Equal(GatewayFailureKind.Error, (await _adapter.Gateway.GetChannelAsync(Phone)).Failure!.Kind);
    }
}
