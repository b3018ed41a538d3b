using System.Net;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>The Orleans Dashboard at /dashboard on the embedded default (no keys): open, like the rest of the host.</summary>
[Collection(ApiCollection.Name)]
public class DashboardTests(ApiFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    [Fact]
    public async Task PageAndItsDataAnswer200WithNoKeysConfigured()
    {
        var page = await _api.Get("/dashboard/");
        var stats = await _api.Get("/dashboard/ClusterStats");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("text/html", page.MediaType);
        Assert.Contains("<html", page.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, stats.Status);
        Assert.Equal("application/json", stats.MediaType);
    }

    [Fact]
    public async Task WithoutATrailingSlashRedirectsToThePage()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _api.Http.BaseAddress };

        using var reply = await client.GetAsync(new Uri("/dashboard", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, reply.StatusCode);
        Assert.Equal("/dashboard/", reply.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task LiveLogStreamIsHiddenByDefault() =>
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.Get("/dashboard/Trace")).Status);

    [Fact]
    public async Task IsNotPartOfTheOpenApiDocument()
    {
        var document = (await _api.Get("/openapi/v1.json")).Ok();

        Assert.DoesNotContain(document["paths"]!.AsObject(), p => p.Key.StartsWith("/dashboard", StringComparison.Ordinal));
    }
}
