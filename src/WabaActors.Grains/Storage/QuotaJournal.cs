using WabaActors.Domain.Messaging;

namespace WabaActors.Grains.Storage;

/// <summary>What a template quota loads on activation: recipients counted and their grants still live, in counting order.</summary>
public sealed record QuotaJournal(IReadOnlyList<PermitGranted> Grants)
{
    public static QuotaJournal Empty { get; } = new([]);
}
