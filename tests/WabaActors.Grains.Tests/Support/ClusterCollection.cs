namespace WabaActors.Grains.Tests.Support;

/// <summary>
/// Grain tests under the <c>document</c> rules: one cluster, tests one after another (they share its fake
/// clock). Tests that touch the rules also run under <c>meta</c> in <see cref="MetaClusterCollection"/>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
