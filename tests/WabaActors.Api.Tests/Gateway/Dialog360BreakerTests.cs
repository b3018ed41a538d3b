using System.Net;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>Repeated 360dialog failures open the circuit: the user gets 503 at once with Retry-After, and 360dialog is not called.</summary>
public class Dialog360BreakerTests(Dialog360BreakerFixture fixture) : IClassFixture<Dialog360BreakerFixture>
{
    private readonly ApiClient _api = fixture.Api;

    [Fact]
    public async Task RepeatedFailuresOpenTheCircuitAndNothingChanges()
    {
        var account = await _api.AtStep4Async();
        var before = await _api.Snapshot(account);
        fixture.Stub.Next(account.Phone, StubOperation.RequestCode, StubReply.ServerError(503), StubReply.ServerError(500), StubReply.ServerError(503));
        for (var i = 0; i < 3; i++)
        {
            (await _api.AddNumber(account, account.Phone)).Problem(HttpStatusCode.ServiceUnavailable, "gateway_unavailable");
        }

        var open = await _api.AddNumber(account, account.Phone);

        open.Problem(HttpStatusCode.ServiceUnavailable, "gateway_unavailable");
        Assert.InRange(open.RetryAfterSeconds, 1, 60);
        Assert.Equal(3, fixture.Stub.Count(account.Phone, StubOperation.RequestCode));
        Assert.Equal(before, await _api.Snapshot(account));
    }
}
