namespace WabaActors.Api.Tests.Support;

[CollectionDefinition(Name)]
public sealed class RateLimitedApiCollection : ICollectionFixture<RateLimitedApiFixture>
{
    public const string Name = "rate-limited api";
}
