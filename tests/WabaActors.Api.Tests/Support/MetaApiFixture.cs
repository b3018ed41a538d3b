namespace WabaActors.Api.Tests.Support;

/// <summary>A host running the <c>meta</c> rule profile (<c>WabaActors:Rules:Profile=meta</c>), for tests that must hold under both profiles.</summary>
public sealed class MetaApiFixture : HostFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["WabaActors:Rules:Profile"] = "meta",

        // Tests here send a limit's worth of templates (250, 2,000) at one fake instant to test the limit: the
        // number's throughput is raised. The pair rate stays Meta's; 80/s is tested by MetaPacingApiFixture's host.
        ["WabaActors:Pacing:MessagesPerSecond"] = "100000",
    };

    public override RuleProfile Profile => RuleProfile.Meta;
}

/// <summary>Tests against the <c>meta</c>-profile host, one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class MetaApiCollection : ICollectionFixture<MetaApiFixture>
{
    public const string Name = "api meta";
}
