using WabaActors.Domain.Pacing;
using WabaActors.Domain.Rules;

namespace WabaActors.Grains.Tests.Support;

/// <summary>A second silo that runs the <c>meta</c> rule profile, for tests that must hold under both profiles.</summary>
public sealed class MetaClusterFixture : ClusterFixture
{
    /// <summary>
    /// Meta's rules, with the number's throughput raised: these tests send a limit's worth of templates (250, 2,000)
    /// at one fake instant to test the limit. The pair rate stays Meta's; the throughput of 80/s is tested in the domain
    /// (NumberPacing) and over HTTP, where the meta host keeps it.
    /// </summary>
    public override WabaRules Rules { get; } = WabaRules.Meta with { Pacing = PacingRules.Meta with { MessagesPerSecond = 100_000 } };
}

/// <summary>Tests under the <c>meta</c> profile: one cluster of their own, one test at a time (they share its fake clock).</summary>
[CollectionDefinition(Name)]
public sealed class MetaClusterCollection : ICollectionFixture<MetaClusterFixture>
{
    public const string Name = "cluster meta";
}
