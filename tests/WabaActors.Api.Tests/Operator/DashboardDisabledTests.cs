using System.Net;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary><c>WabaActors:Dashboard:Enabled=false</c>: no dashboard route (and no dashboard in the silo).</summary>
public class DashboardDisabledTests
{
    [Fact]
    public async Task DisabledDashboardIs404()
    {
        await using var factory = new ApiFactory(new Dictionary<string, string?> { ["WabaActors:Dashboard:Enabled"] = "false" });
        factory.StartServer();
        var api = new ApiClient(factory.CreateClient());

        var reply = await api.Get("/dashboard/");

        reply.Problem(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(HttpStatusCode.OK, (await api.Get("/health/live")).Status);
    }
}
