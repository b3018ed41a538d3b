using System.Net;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>With API keys configured, /metrics is an operator call like /v1/admin/* (docs/telemetry.md, docs/security.md).</summary>
[Collection(SecuredApiCollection.Name)]
public class SecuredTelemetryTests(SecuredApiFixture fixture)
{
    [Fact]
    public async Task MetricsWithoutAKeyAre401()
    {
        var reply = await fixture.NewClient().Get("/metrics");

        reply.Problem(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("Bearer", reply.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task MetricsWithATenantKeyAre403OperatorKeyRequired()
    {
        (await fixture.NewClient(Keys.OfA).Get("/metrics")).Problem(HttpStatusCode.Forbidden, "operator_key_required");
    }

    [Fact]
    public async Task MetricsWithTheOperatorKeyAreServed()
    {
        var reply = await fixture.NewClient(Keys.Operator).Get("/metrics");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("text/plain", reply.MediaType);
    }

    [Fact]
    public async Task NoKeyIsLoggedWhileScrapesAreRefused()
    {
        await fixture.NewClient("x" + Keys.Operator).Get("/metrics");
        await fixture.NewClient(Keys.OfB).Get("/metrics");

        Assert.DoesNotContain(fixture.Logs.Lines, l => l.Contains(Keys.Operator, StringComparison.Ordinal) || l.Contains(Keys.OfB, StringComparison.Ordinal));
    }
}
