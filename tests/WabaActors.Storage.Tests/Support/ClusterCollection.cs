namespace WabaActors.Storage.Tests;

/// <summary>Test clusters run one at a time: several at once on a small machine only measure contention.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection
{
    public const string Name = "PostgreSQL clusters";
}
