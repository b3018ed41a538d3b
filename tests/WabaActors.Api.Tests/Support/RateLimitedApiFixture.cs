namespace WabaActors.Api.Tests.Support;

/// <summary>
/// A host with API keys and a tiny rate limit: a bucket of <see cref="Burst"/> per tenant, refilled one
/// token an hour, so a test sees the limit without waiting or faking time.
/// </summary>
public sealed class RateLimitedApiFixture : HostFixture
{
    public const int Burst = 3;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(Keys.Settings())
    {
        ["WabaActors:RateLimit:PermitsPerPeriod"] = "1",
        ["WabaActors:RateLimit:Period"] = "01:00:00",
        ["WabaActors:RateLimit:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
