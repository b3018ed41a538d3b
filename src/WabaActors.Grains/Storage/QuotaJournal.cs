using WabaActors.Domain.Messaging;

namespace WabaActors.Grains.Storage;

/// <summary>What a template quota loads on activation: its epoch (the fence) and the grants that counted recipients still live, in counting order.</summary>
public sealed record QuotaJournal(long Epoch, IReadOnlyList<PermitGranted> Grants)
{
    /// <summary>The scope's links between a person's ids still live (taught within the link retention), in the order taught.</summary>
    public IReadOnlyList<CustomerLink> Links { get; init; } = [];
}
