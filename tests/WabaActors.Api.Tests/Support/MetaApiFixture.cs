namespace WabaActors.Api.Tests.Support;

/// <summary>A host running the <c>meta</c> rule profile (<c>WabaActors:Rules:Profile=meta</c>), for tests that must hold under both profiles.</summary>
public sealed class MetaApiFixture : HostFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["WabaActors:Rules:Profile"] = "meta",
    };

    public override RuleProfile Profile => RuleProfile.Meta;
}

/// <summary>Tests against the <c>meta</c>-profile host, one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class MetaApiCollection : ICollectionFixture<MetaApiFixture>
{
    public const string Name = "api meta";
}
