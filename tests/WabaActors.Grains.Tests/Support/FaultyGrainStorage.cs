using Orleans.Storage;

namespace WabaActors.Grains.Tests.Support;

/// <summary>
/// The silo's memory grain storage with <see cref="StorageFaults"/> in front of its writes: an armed
/// fault fails a write before it reaches the store, so the stored state stays the one before it.
/// </summary>
public sealed class FaultyGrainStorage(IGrainStorage inner, StorageFaults faults) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (faults.ShouldFail(grainId, grainState.State))
        {
            throw new IOException($"Injected storage fault: the write of {grainId} was lost.");
        }

        await inner.WriteStateAsync(stateName, grainId, grainState);
        faults.Wrote(grainId, grainState.State);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);

    public void Participate(ISiloLifecycle observer) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(observer);
}
