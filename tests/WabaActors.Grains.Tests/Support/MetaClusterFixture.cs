using WabaActors.Domain.Rules;

namespace WabaActors.Grains.Tests.Support;

/// <summary>A second silo that runs the <c>meta</c> rule profile, for tests that must hold under both profiles.</summary>
public sealed class MetaClusterFixture : ClusterFixture
{
    public override WabaRules Rules => WabaRules.Meta;
}

/// <summary>Tests under the <c>meta</c> profile: one cluster of their own, one test at a time (they share its fake clock).</summary>
[CollectionDefinition(Name)]
public sealed class MetaClusterCollection : ICollectionFixture<MetaClusterFixture>
{
    public const string Name = "cluster meta";
}
