using WabaActors.Host.Reload;
using WabaActors.Host.Security;

namespace WabaActors.Api.Tests;

public class ApiKeyRingTests
{
    private readonly ApiKeyRing _ring = new(LastGoodOptions<ApiKeyOptions>.Fixed(new ApiKeyOptions
    {
        ApiKeys = [new() { Key = "key-of-acme-0000001", Tenant = "acme" }, new() { Key = "key-of-operator-0001", Tenant = "*" }],
    }));

    [Theory]
    [InlineData("key-of-acme-0000001", "acme")]
    [InlineData("key-of-operator-0001", "*")]
    [InlineData("key-of-acme-0000002", null)]
    [InlineData("key-of-acme-000000", null)]
    [InlineData("", null)]
    public void FindsTheTenantOfAKnownKeyOnly(string presented, string? tenant) => Assert.Equal(tenant, _ring.Find(presented)?.Tenant);

    [Fact]
    public void IsDisabledWithNoKeys() => Assert.False(new ApiKeyRing(LastGoodOptions<ApiKeyOptions>.Fixed(new ApiKeyOptions())).Enabled);
}
