namespace WabaActors.Domain.Events;

/// <summary>
/// A history entry as a number reports it to its account: numbered by the number (1, 2, …, in the order
/// it wrote them), so the account can tell a redelivery from a new entry. <see cref="Sequence"/> 0 is an
/// entry from a silo that did not number them: it is recorded as it comes.
/// </summary>
public sealed record NumberedEvent(long Sequence, AccountEvent Event);
