using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using WabaActors.Host.Reload;
using WabaActors.Host.Security;

namespace WabaActors.Api.Tests;

/// <summary>Whose bucket a call takes its token from.</summary>
public class RateLimitPartitionTests
{
    private static readonly RateLimitOptions On = new() { PermitsPerPeriod = 5, Burst = 10 };

    [Fact]
    public void KeyTenantWinsOverTheRouteTenant() =>
        Assert.Equal("key:acme", Partition(Call("/v1/tenants/other/accounts/w", "other", keyTenant: "acme"), keysOn: true));

    [Fact]
    public void OperatorKeyHasItsOwnBucket() =>
        Assert.Equal("key:*", Partition(Call("/v1/tenants/acme/accounts/w", "acme", keyTenant: "*"), keysOn: true));

    [Fact]
    public void RouteTenantWithNoKeysConfigured() =>
        Assert.Equal("tenant:acme", Partition(Call("/v1/tenants/acme/accounts/w", "acme"), keysOn: false));

    [Fact]
    public void RemoteAddressForATenantlessRoute() =>
        Assert.Equal("address:10.1.2.3", Partition(Call("/v1/admin/clock", null), keysOn: false));

    [Fact]
    public void RemoteAddressWhenKeysAreOnButNoneWasAccepted() =>
        Assert.Equal("address:10.1.2.3", Partition(Call("/v1/tenants/acme/accounts/w", "acme"), keysOn: true));

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/openapi/v1.json")]
    public void HealthAndOpenApiAreNotLimited(string path)
    {
        var partition = RateLimitPartitions.For(Call(path, null), On, Ring(keysOn: false));

        using var limiter = partition.Factory(partition.PartitionKey);
        Assert.All(Enumerable.Range(0, On.BucketSize * 10), _ => Assert.True(limiter.AttemptAcquire().IsAcquired));
    }

    private static string Partition(HttpContext call, bool keysOn) => RateLimitPartitions.For(call, On, Ring(keysOn)).PartitionKey;

    private static ApiKeyRing Ring(bool keysOn) => new(LastGoodOptions<ApiKeyOptions>.Fixed(new ApiKeyOptions
    {
        ApiKeys = keysOn ? [new() { Key = "0123456789abcdef", Tenant = "acme" }] : [],
    }));

    private static DefaultHttpContext Call(string path, string? routeTenant, string? keyTenant = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Connection.RemoteIpAddress = IPAddress.Parse("10.1.2.3");
        if (routeTenant is not null)
        {
            context.Request.RouteValues = new RouteValueDictionary { ["tenant"] = routeTenant };
        }

        if (keyTenant is not null)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ApiKeyClaims.Tenant, keyTenant)], ApiKeyClaims.Scheme));
        }

        return context;
    }
}
