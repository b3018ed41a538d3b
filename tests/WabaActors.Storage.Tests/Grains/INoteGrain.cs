namespace WabaActors.Storage.Tests.Grains;

/// <summary>A string-keyed grain with persistent state: its row carries the key in grainidextensionstring.</summary>
[Alias("storage-tests.INoteGrain")]
public interface INoteGrain : IGrainWithStringKey
{
    [Alias("Write")]
    ValueTask WriteAsync(string text);

    [Alias("Read")]
    ValueTask<NoteState> ReadAsync();
}
