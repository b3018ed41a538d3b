using WabaActors.Domain.Identity;

namespace WabaActors.Domain.Messaging;

/// <summary>
/// The delta of <see cref="CustomerLinks"/>, as persisted and replayed: two ids of one person (a phone
/// and a BSUID, a BSUID and its parent, or an old and a new id after Meta's change message), taught at
/// an instant (UTC ticks).
/// </summary>
public sealed record CustomerLink(CustomerIdentity Customer, CustomerIdentity Partner, long TaughtAtTicks)
{
    public DateTimeOffset TaughtAt => new(TaughtAtTicks, TimeSpan.Zero);
}
