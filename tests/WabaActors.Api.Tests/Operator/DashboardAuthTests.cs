using System.Net;
using System.Net.Http.Headers;
using System.Text;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// With API keys configured the dashboard (page and data) needs an operator key: as a Bearer token, or
/// as the password of HTTP Basic, which a browser asks for when challenged.
/// </summary>
[Collection(SecuredApiCollection.Name)]
public class DashboardAuthTests(SecuredApiFixture fixture)
{
    public static TheoryData<string> Paths => ["/dashboard/", "/dashboard/index.min.js", "/dashboard/ClusterStats", "/dashboard/GrainState?grainId=x&grainType=y"];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task WithoutAKeyIs401ChallengingBasicForTheBrowser(string path)
    {
        var reply = await Send(path, null);

        reply.Problem(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains(reply.Headers.WwwAuthenticate, h => h.Scheme == "Basic" && h.Parameter!.Contains("realm=", StringComparison.Ordinal));
        Assert.Contains(reply.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task ATenantKeyIs403OperatorKeyRequired(string path)
    {
        (await Send(path, new("Bearer", Keys.OfA))).Problem(HttpStatusCode.Forbidden, "operator_key_required");
        (await Send(path, Basic("anyone", Keys.OfA))).Problem(HttpStatusCode.Forbidden, "operator_key_required");
    }

    [Fact]
    public async Task TheOperatorKeyOpensItAsBearerOrBasicPassword()
    {
        Assert.Equal(HttpStatusCode.OK, (await Send("/dashboard/", new("Bearer", Keys.Operator))).Status);
        Assert.Equal(HttpStatusCode.OK, (await Send("/dashboard/", Basic("operator", Keys.Operator))).Status);
        Assert.Equal(HttpStatusCode.OK, (await Send("/dashboard/ClusterStats", Basic("", Keys.Operator))).Status);
    }

    [Theory]
    [InlineData("operator:wrong-key-000000000000")]
    [InlineData("no-colon-at-all")]
    [InlineData(":")]
    public async Task AWrongBasicPasswordIs401(string credentials) =>
        (await Send("/dashboard/", new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials))))).Problem(HttpStatusCode.Unauthorized, "unauthorized");

    [Fact]
    public async Task NotBase64BasicIs401() =>
        (await Send("/dashboard/", new("Basic", "%%%not-base64"))).Problem(HttpStatusCode.Unauthorized, "unauthorized");

    [Fact]
    public async Task BasicIsNotAcceptedByTheApi()
    {
        var reply = await Send($"/v1/tenants/{Keys.A}/accounts/{Ids.Waba()}", Basic("operator", Keys.Operator));

        reply.Problem(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("Bearer", reply.Headers.WwwAuthenticate.ToString());
    }

    private static AuthenticationHeaderValue Basic(string user, string key) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + key)));

    private async Task<Reply> Send(string path, AuthenticationHeaderValue? authorization)
    {
        var client = fixture.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = authorization;
        return await Reply.ReadAsync(await client.Http.SendAsync(request));
    }
}
