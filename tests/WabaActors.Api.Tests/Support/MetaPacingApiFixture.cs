namespace WabaActors.Api.Tests.Support;

/// <summary>
/// A <c>meta</c>-profile host with Meta's pacing as it is (80 messages a second per number, the pair rate): the
/// shared <see cref="MetaApiFixture"/> raises the throughput for tests that fill a limit at one instant.
/// </summary>
public sealed class MetaPacingApiFixture : HostFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["WabaActors:Rules:Profile"] = "meta",
    };

    public override RuleProfile Profile => RuleProfile.Meta;
}

/// <summary>Tests against the <see cref="MetaPacingApiFixture"/> host, one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class MetaPacingApiCollection : ICollectionFixture<MetaPacingApiFixture>
{
    public const string Name = "api meta pacing";
}
