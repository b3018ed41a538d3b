using System.Net;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>The operator page's files: no data and no key of their own, strict headers, no way to write markup.</summary>
[Collection(SecuredApiCollection.Name)]
public class OperatorPageFilesTests(SecuredApiFixture fixture)
{
    private readonly ApiClient _anonymous = fixture.NewClient();

    [Fact]
    public async Task PageIsServedWithoutAKeyUnderAStrictContentSecurityPolicy()
    {
        using var reply = await _anonymous.Http.GetAsync(new Uri($"/operator/accounts/{Keys.A}/{Ids.Waba()}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal("text/html", reply.Content.Headers.ContentType?.MediaType);
        var policy = Assert.Single(reply.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(reply.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("/operator/assets/operator.js", await reply.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("operator.js", "text/javascript")]
    [InlineData("operator.css", "text/css")]
    public async Task AssetsAreServed(string name, string mediaType)
    {
        using var reply = await _anonymous.Http.GetAsync(new Uri("/operator/assets/" + name, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal(mediaType, reply.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ScriptNeverWritesMarkup()
    {
        var script = (await _anonymous.Get("/operator/assets/operator.js")).Body;

        foreach (var sink in new[] { "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function" })
        {
            Assert.DoesNotContain(sink, script, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/operator/assets/nope.js", HttpStatusCode.NotFound, "not_found")]
    [InlineData("/operator/assets/index.html", HttpStatusCode.NotFound, "not_found")]
    [InlineData("/operator/accounts/Not%20A%20Tenant/waba-1", HttpStatusCode.BadRequest, "validation_failed")]
    public async Task UnknownFilesAndMalformedIdsAreProblems(string path, HttpStatusCode status, string code) =>
        (await _anonymous.Get(path)).Problem(status, code);
}
