namespace WabaActors.Grains.Tests.Support;

/// <summary>Every grain test runs in this collection: one cluster, tests one after another (they share the fake clock).</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
