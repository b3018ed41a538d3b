namespace WabaActors.Storage.Tests.Grains;

/// <summary>An integer-keyed grain: its row has a NULL grainidextensionstring.</summary>
[Alias("storage-tests.ICounterGrain")]
public interface ICounterGrain : IGrainWithIntegerKey
{
    [Alias("Add")]
    ValueTask<int> AddAsync(int amount);
}
