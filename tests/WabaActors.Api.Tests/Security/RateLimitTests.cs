using System.Net;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>docs/api.md "Rate limiting": a token bucket per tenant; a refused call is <c>429 rate_limited</c> with <c>Retry-After</c>.</summary>
[Collection(RateLimitedApiCollection.Name)]
public class RateLimitTests(RateLimitedApiFixture fixture)
{
    [Fact]
    public async Task CallBeyondTheBurstIs429WithRetryAfterAndOtherTenantsStillPass()
    {
        var a = fixture.NewClient(Keys.OfA);
        var b = fixture.NewClient(Keys.OfB);
        var path = $"/v1/tenants/{Keys.A}/accounts/{Ids.Waba()}";

        for (var i = 0; i < RateLimitedApiFixture.Burst; i++)
        {
            (await a.Get(path)).Problem(HttpStatusCode.NotFound, "not_found");
        }

        var refused = await a.Get(path);

        refused.Problem(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.InRange(refused.RetryAfterSeconds, 1, 3600);
        (await b.Get($"/v1/tenants/{Keys.B}/accounts/{Ids.Waba()}")).Problem(HttpStatusCode.NotFound, "not_found");
        (await fixture.NewClient(Keys.Operator).Get(path)).Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task HealthIsNeverLimited()
    {
        var anonymous = fixture.NewClient();

        for (var i = 0; i < RateLimitedApiFixture.Burst * 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.Get("/health/live")).Status);
        }
    }

    [Fact]
    public async Task CallsWithoutAValidKeyAreCountedByAddressNotAgainstTheTenant()
    {
        var anonymous = fixture.NewClient();
        var path = $"/v1/tenants/{Keys.B}/accounts/{Ids.Waba()}";
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < RateLimitedApiFixture.Burst + 2; i++)
        {
            statuses.Add((await anonymous.Get(path)).Status);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Contains(HttpStatusCode.Unauthorized, statuses);
        (await fixture.NewClient(Keys.OfB).Get(path)).Problem(HttpStatusCode.NotFound, "not_found");
    }
}
