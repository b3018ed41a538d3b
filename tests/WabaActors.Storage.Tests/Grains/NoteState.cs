namespace WabaActors.Storage.Tests.Grains;

[GenerateSerializer]
public sealed class NoteState
{
    [Id(0)] public string? Text { get; set; }

    [Id(1)] public int Writes { get; set; }
}
