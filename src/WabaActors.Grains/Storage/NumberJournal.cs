using WabaActors.Domain.Messaging;

namespace WabaActors.Grains.Storage;

/// <summary>What a number loads on activation: its windows' changes and its grants still live, in write order.</summary>
public sealed record NumberJournal(IReadOnlyList<WindowChange> Windows, IReadOnlyList<PermitGranted> Grants)
{
    public static NumberJournal Empty { get; } = new([], []);
}
