namespace WabaActors.Domain.Tests.MessagingSupport;

/// <summary>Memory measurements: run after the parallel tests, one at a time, so that the heap moves only with what they build.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryCollection
{
    public const string Name = "memory";
}
