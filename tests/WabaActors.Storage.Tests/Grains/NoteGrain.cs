using Orleans.Runtime;

namespace WabaActors.Storage.Tests.Grains;

public sealed class NoteGrain([PersistentState("text", TestSettings.StorageName)] IPersistentState<NoteState> state)
    : Grain, INoteGrain
{
    public async ValueTask WriteAsync(string text)
    {
        state.State.Text = text;
        state.State.Writes++;
        await state.WriteStateAsync();
    }

    public ValueTask<NoteState> ReadAsync() => ValueTask.FromResult(state.State);
}
