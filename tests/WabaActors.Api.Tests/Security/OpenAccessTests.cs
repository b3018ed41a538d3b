using System.Net;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>The embedded default has no keys: the host warns loudly at start and allows every call.</summary>
[Collection(ApiCollection.Name)]
public class OpenAccessTests(ApiFixture fixture)
{
    [Fact]
    public void NoKeysConfiguredWarnsAtStart() =>
        Assert.Contains(fixture.Logs.Lines, line => line.StartsWith("Warning WabaActors.Host[200] No API keys are configured", StringComparison.Ordinal));

    [Fact]
    public async Task AnyAuthorizationHeaderIsIgnoredWithNoKeysConfigured()
    {
        var account = TestAccount.Fresh();
        using var request = new HttpRequestMessage(HttpMethod.Put, account.Path) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer not-a-configured-key");

        var reply = await Reply.ReadAsync(await fixture.Api.Http.SendAsync(request));

        Assert.Equal(HttpStatusCode.Created, reply.Status);
    }

    [Fact]
    public async Task OperatorOnlyCallsAreOpenWithNoKeysConfigured() =>
        (await fixture.Api.Post("/v1/admin/clock/advance", new { by = "PT0S" })).Ok();
}
