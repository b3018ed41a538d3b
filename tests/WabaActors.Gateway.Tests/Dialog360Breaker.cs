using WabaActors.Domain.Numbers;
using WabaActors.Gateway.Tests.Support;
using WabaActors.Grains.Gateway;

namespace WabaActors.Gateway.Tests;

/// <summary>After repeated failures the circuit opens: calls fail at once, without reaching 360dialog, with a retry hint.</summary>
public sealed class Dialog360Breaker
{
    private const string Phone = "420777000004";

    [Fact]
    public async Task OpensAfterRepeatedFailuresAndStopsCallingTheProvider()
    {
        await using var adapter = await Adapter.StartAsync(new Dictionary<string, string?>
        {
            ["WabaActors:Dialog360:BreakerMinimumThroughput"] = "3",
            ["WabaActors:Dialog360:BreakerFailureRatio"] = "0.7",   // the warm-up read succeeded: 3 failures of 4 calls
            ["WabaActors:Dialog360:BreakerBreakDuration"] = "00:01:00",
        });
        adapter.Stub.Next(Phone, StubOperation.RequestCode, StubReply.ServerError(503), StubReply.ServerError(500), StubReply.ServerError(503));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(GatewayFailureKind.Unavailable, (await adapter.Gateway.RequestCodeAsync(Phone, VerificationMethod.Sms, 6)).Failure!.Kind);
        }

        var open = await adapter.Gateway.RequestCodeAsync(Phone, VerificationMethod.Sms, 6);

        Assert.Equal(GatewayFailureKind.Unavailable, open.Failure!.Kind);
        Assert.Contains("paused", open.Failure.Reason, StringComparison.Ordinal);
        Assert.InRange(open.Failure.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal(3, adapter.Stub.Count(Phone, StubOperation.RequestCode));
    }
}
