namespace WabaActors.Api.Tests.Support;

/// <summary>A host whose registry must know every template a permit names (<c>WabaActors:Templates:RequireKnown=true</c>).</summary>
public sealed class KnownTemplatesApiFixture : HostFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["WabaActors:Templates:RequireKnown"] = "true",
    };
}

/// <summary>Tests against the <see cref="KnownTemplatesApiFixture"/> host, one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class KnownTemplatesApiCollection : ICollectionFixture<KnownTemplatesApiFixture>
{
    public const string Name = "api known templates";
}
