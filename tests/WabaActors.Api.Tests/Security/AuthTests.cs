using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// docs/api.md "Authentication and tenant scoping", on a host with keys configured: a key for every
/// /v1 call but webhooks, a tenant key reaches its tenant only (decided before any grain, so existing
/// and missing resources answer alike), operator-only calls, keys never logged.
/// </summary>
[Collection(SecuredApiCollection.Name)]
public class AuthTests(SecuredApiFixture fixture)
{
    private readonly ApiClient _operator = fixture.Api;
    private readonly ApiClient _anonymous = fixture.NewClient();
    private readonly ApiClient _a = fixture.NewClient(Keys.OfA);
    private readonly ApiClient _b = fixture.NewClient(Keys.OfB);

    public static TheoryData<string> BadAuthorizationHeaders =>
    [
        "Bearer wrong-key-00000000000000",
        "Bearer",
        "Bearer ",
        "Basic YTpi",
        Keys.OfA,
        "Bearer " + Keys.OfA + "x",
        "Bearer " + Keys.OfA[..^1],
        "Bearer " + Keys.OfA.ToUpperInvariant(),
        "Bearer " + Keys.OfA + ", Bearer " + Keys.OfB,
        "Token " + Keys.OfA,
        "Bearer " + new string('k', 5000),
    ];

    [Fact]
    public async Task MissingKeyIs401WithBearerChallenge()
    {
        var reply = await _anonymous.Get($"/v1/tenants/{Keys.A}/accounts/{Ids.Waba()}");

        Unauthorized(reply);
    }

    [Theory]
    [MemberData(nameof(BadAuthorizationHeaders))]
    public async Task MalformedOrUnknownKeyIs401LikeAMissingOne(string header)
    {
        var path = $"/v1/tenants/{Keys.A}/accounts/{Ids.Waba()}";
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Authorization", header);

        var reply = await Reply.ReadAsync(await _anonymous.Http.SendAsync(request));

        Unauthorized(reply);
        Assert.Equal((await _anonymous.Get(path)).Normalized(), reply.Normalized());
    }

    [Fact]
    public async Task EveryV1RouteButWebhooksNeedsAKey()
    {
        var routes = Route.V1(fixture.Endpoints);
        var account = TestAccount.Fresh() with { Tenant = Keys.A };
        var failures = new List<string>();
        Assert.NotEmpty(routes);

        foreach (var route in routes)
        {
            var reply = await _anonymous.SendRaw(route.HttpMethod, route.For(account), "{}");
            var unauthorized = reply.Status == HttpStatusCode.Unauthorized && reply.Json["code"]?.GetValue<string>() == "unauthorized"
                && reply.Headers.WwwAuthenticate.ToString() == "Bearer";
            if (unauthorized == route.IsWebhook)
            {
                failures.Add($"{route}: {(int)reply.Status} {reply.Body}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task TenantKeyReachesItsOwnTenant()
    {
        var account = TestAccount.Fresh() with { Tenant = Keys.A };

        (await _a.Put(account.Path, new { name = "Acme" })).Created();

        Assert.Equal(account.Waba, (await _a.Get(account.Path)).Ok().Str("waba"));
        (await _a.Get(account.Events)).Ok();
    }

    [Fact]
    public async Task TenantKeyIsForbiddenAnotherTenantAlikeWhetherOrNotTheResourceExists()
    {
        var existing = await LiveAccountOfB();
        var missing = TestAccount.Fresh() with { Tenant = Keys.B };
        var before = await _operator.Snapshot(existing);
        var failures = new List<string>();

        foreach (var route in Route.V1(fixture.Endpoints).Where(r => r.HasTenant))
        {
            var body = await ValidBody(route);
            var toExisting = await _a.SendRaw(route.HttpMethod, route.For(existing), body);
            var toMissing = await _a.SendRaw(route.HttpMethod, route.For(missing), body);
            var code = route.OperatorOnly ? "operator_key_required" : "forbidden_tenant";
            try
            {
                toExisting.Problem(HttpStatusCode.Forbidden, code);
                toMissing.Problem(HttpStatusCode.Forbidden, code);
                Assert.Equal(toExisting.Normalized(), toMissing.Normalized());
            }
            catch (Xunit.Sdk.XunitException e)
            {
                failures.Add($"{route}: {e.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(before, await _operator.Snapshot(existing));
        (await _operator.Get(missing.Path)).Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task OperatorOnlyCallsRefuseATenantKeyEvenOnItsOwnTenant()
    {
        var account = await LiveAccountOfA();
        var before = await _operator.Snapshot(account);
        var routes = Route.V1(fixture.Endpoints).Where(r => r.OperatorOnly).ToList();
        var failures = new List<string>();
        Assert.Contains(routes, r => r.Name == "DecideCommercePolicyReview");
        Assert.Contains(routes, r => r.Name == "DecideDisplayNameReview");
        Assert.Contains(routes, r => r.Name == "SetBusinessVerification");

        foreach (var route in routes)
        {
            var reply = await _a.SendRaw(route.HttpMethod, route.For(account), await ValidBody(route));
            if (reply.Status != HttpStatusCode.Forbidden || reply.Json["code"]?.GetValue<string>() != "operator_key_required")
            {
                failures.Add($"{route}: {(int)reply.Status} {reply.Body}");
            }
        }

        (await _a.Get("/v1/admin/anything-else")).Problem(HttpStatusCode.Forbidden, "operator_key_required");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(before, await _operator.Snapshot(account));
    }

    [Fact]
    public async Task OperatorKeyMakesOperatorOnlyCalls()
    {
        var account = await LiveAccountOfA();

        var review = (await _operator.Post(account.Path + "/reviews/commerce-policy", new { decision = "approved" })).Ok();
        (await _operator.Post(account.Path + "/business-verification", new { status = "submitted" })).Ok();
        (await _operator.Post("/v1/admin/clock/advance", new { by = "PT0S" })).Ok();

        Assert.Equal("approved", review.Str("commercePolicyReview.status"));
    }

    [Fact]
    public async Task OperatorKeyReachesEveryTenant()
    {
        foreach (var tenant in new[] { Keys.A, Keys.B, Ids.Tenant() })
        {
            var account = TestAccount.Fresh() with { Tenant = tenant };

            (await _operator.Put(account.Path, new { name = "Acme" })).Created();

            Assert.Equal(tenant, (await _operator.Get(account.Path)).Ok().Str("tenant"));
        }
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("GET")]
    public async Task WebhooksNeedNoKey(string method)
    {
        // The webhook endpoint is Meta's and signed instead (built elsewhere): whatever it answers, it is not a key challenge.
        var reply = await _anonymous.SendRaw(new HttpMethod(method), "/v1/webhooks/whatsapp?hub.mode=subscribe", """{"object":"whatsapp_business_account","entry":[]}""");

        Assert.True((int)reply.Status < 500 || reply.Status == HttpStatusCode.ServiceUnavailable, $"{(int)reply.Status}: {reply.Body}");
        Assert.False(reply.Headers.WwwAuthenticate.Count > 0, reply.Headers.WwwAuthenticate.ToString());
        Assert.NotEqual("unauthorized", reply.Body.Length > 0 ? (string?)JsonNode.Parse(reply.Body)?["code"] : null);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/openapi/v1.json")]
    public async Task HealthAndOpenApiNeedNoKey(string path) =>
        Assert.Equal(HttpStatusCode.OK, (await _anonymous.Get(path)).Status);

    [Fact]
    public async Task OpenApiDeclaresTheBearerScheme()
    {
        var document = (await _anonymous.Get("/openapi/v1.json")).Ok();

        Assert.Equal("http", document.Str("components.securitySchemes.Bearer.type"));
        Assert.Equal("bearer", document.Str("components.securitySchemes.Bearer.scheme"));
        var get = document["paths"]!["/v1/tenants/{tenant}/accounts/{waba}"]!["get"]!;
        Assert.True(get["security"]![0]!.AsObject().ContainsKey("Bearer"), get.ToJsonString());
        Assert.Contains("operator key", document["paths"]!["/v1/tenants/{tenant}/accounts/{waba}/reviews/commerce-policy"]!["post"]!.Str("description"), StringComparison.Ordinal);
        foreach (var code in new[] { "unauthorized", "forbidden_tenant", "operator_key_required", "rate_limited" })
        {
            Assert.Contains($"`{code}`", document.Str("info.description"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task KeysAreNeverLogged()
    {
        const string wrong = "never-a-key-9f8e7d6c5b4a";
        var account = TestAccount.Fresh() with { Tenant = Keys.A };
        (await _a.Put(account.Path)).Created();
        (await _b.Get(account.Path)).Problem(HttpStatusCode.Forbidden, "forbidden_tenant");
        using var request = new HttpRequestMessage(HttpMethod.Get, account.Path);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + wrong);
        Unauthorized(await Reply.ReadAsync(await _anonymous.Http.SendAsync(request)));

        var logs = string.Join('\n', fixture.Logs.Lines);

        Assert.Contains("was not authenticated", logs, StringComparison.Ordinal);
        foreach (var key in new[] { Keys.Operator, Keys.OfA, Keys.OfB, wrong })
        {
            Assert.DoesNotContain(key[..6], logs, StringComparison.Ordinal);
        }
    }

    private static void Unauthorized(Reply reply)
    {
        reply.Problem(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("Bearer", reply.Headers.WwwAuthenticate.ToString());
    }

    /// <summary>A valid body where the contract's list has one (so only the key can be why nothing changes), else <c>{}</c>.</summary>
    private async Task<string> ValidBody(Route route) =>
        Endpoint.All(_operator).FirstOrDefault(e => e.Name == route.Name) is { } endpoint
            ? (await endpoint.ValidBody()).ToJsonString()
            : "{}";

    private Task<TestAccount> LiveAccountOfA() => Live(_a, Keys.A);

    private Task<TestAccount> LiveAccountOfB() => Live(_b, Keys.B);

    private async Task<TestAccount> Live(ApiClient tenant, string tenantId)
    {
        var account = await tenant.AtStep4Async(TestAccount.Fresh() with { Tenant = tenantId });
        (await tenant.AddNumber(account, account.Phone)).Created();
        var code = await _operator.Code(account.Phone);
        (await tenant.Post(account.Number + "/verification", new { code })).Ok();
        return account;
    }
}
