using WabaActors.Domain.Messaging;
using WabaActors.Domain.Verdicts;

namespace WabaActors.Grains.Storage;

/// <summary>
/// What a number loads on activation: its windows' changes and its grants still live, in write order,
/// and the inbound message ids still remembered (those carried by window changes included).
/// </summary>
public sealed record NumberJournal(IReadOnlyList<WindowChange> Windows, IReadOnlyList<PermitGranted> Grants)
{
    public IReadOnlyList<InboundId> InboundIds { get; init; } = [];

    /// <summary>Verdicts on the number's customers still in force, in write order.</summary>
    public IReadOnlyList<CustomerVerdict> Verdicts { get; init; } = [];

    /// <summary>The last flushed count of free service messages (null: none).</summary>
    public ServiceAllowanceCount? Allowance { get; init; }

    public static NumberJournal Empty { get; } = new([], []);
}

/// <summary>A number's free service messages in one month (<c>ServiceAllowance.MonthOf</c>), as flushed.</summary>
public sealed record ServiceAllowanceCount(int Month, int Used);
