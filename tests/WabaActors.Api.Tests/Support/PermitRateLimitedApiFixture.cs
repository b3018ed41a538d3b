namespace WabaActors.Api.Tests.Support;

/// <summary>
/// A host with a rate limit and no API keys, so each route's <c>{tenant}</c> has its own bucket of <see cref="Burst"/>
/// tokens (refilled one an hour): a test counts a batch's tokens in a fresh tenant, without waiting or faking time.
/// </summary>
public sealed class PermitRateLimitedApiFixture : HostFixture
{
    public const int Burst = 20;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["WabaActors:RateLimit:PermitsPerPeriod"] = "1",
        ["WabaActors:RateLimit:Period"] = "01:00:00",
        ["WabaActors:RateLimit:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

[CollectionDefinition(Name)]
public sealed class PermitRateLimitedApiCollection : ICollectionFixture<PermitRateLimitedApiFixture>
{
    public const string Name = "permit rate-limited api";
}
