using WabaActors.Domain.Messaging;

namespace WabaActors.Grains.Storage;

/// <summary>
/// What a number loads on activation: its windows' changes and its grants still live, in write order,
/// and the inbound message ids still remembered (those carried by window changes included).
/// </summary>
public sealed record NumberJournal(IReadOnlyList<WindowChange> Windows, IReadOnlyList<PermitGranted> Grants)
{
    public IReadOnlyList<InboundId> InboundIds { get; init; } = [];

    public static NumberJournal Empty { get; } = new([], []);
}
