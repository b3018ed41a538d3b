using Orleans.Runtime;

namespace WabaActors.Storage.Tests.Grains;

public sealed class CounterGrain([PersistentState("tally", TestSettings.StorageName)] IPersistentState<NoteState> state)
    : Grain, ICounterGrain
{
    public async ValueTask<int> AddAsync(int amount)
    {
        state.State.Writes += amount;
        await state.WriteStateAsync();
        return state.State.Writes;
    }
}
