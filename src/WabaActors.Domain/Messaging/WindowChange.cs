namespace WabaActors.Domain.Messaging;

/// <summary>
/// The delta of one window, as persisted and replayed: the customer and the new expiry in UTC
/// ticks, or — when <see cref="Closed"/> — the instant a 131047 closed it.
/// </summary>
public readonly record struct WindowChange(long Customer, long ExpiresAtTicks, bool Closed)
{
    public DateTimeOffset At => new(ExpiresAtTicks, TimeSpan.Zero);
}
