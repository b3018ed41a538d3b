using WabaActors.Domain.Identity;

namespace WabaActors.Domain.Messaging;

/// <summary>The delta of the recipient set, as persisted and replayed: a customer counted at an instant (UTC ticks).</summary>
public readonly record struct RecipientCounted(CustomerIdentity Customer, long AtTicks)
{
    public DateTimeOffset At => new(AtTicks, TimeSpan.Zero);
}
