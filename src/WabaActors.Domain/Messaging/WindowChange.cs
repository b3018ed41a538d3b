using WabaActors.Domain.Identity;

namespace WabaActors.Domain.Messaging;

/// <summary>
/// The delta of one window, as persisted and replayed: the customer and the new expiry in UTC
/// ticks, or — when <see cref="Closed"/> — the instant a 131047 closed it.
/// </summary>
public readonly record struct WindowChange(CustomerIdentity Customer, long ExpiresAtTicks, bool Closed)
{
    public DateTimeOffset At => new(ExpiresAtTicks, TimeSpan.Zero);

    /// <summary>
    /// The digest of the inbound message that made this change (<see cref="InboundLedger"/>), persisted
    /// on the same row so that remembering the id costs no second write; 0 for a close, for a change
    /// written before ids were kept, and for the window rules alone (<see cref="CustomerWindows"/>).
    /// It plays no part in <see cref="Supersedes"/>.
    /// </summary>
    public long InboundDigest { get; init; }

    /// <summary>
    /// How the customer reached the number with the message that made this change (a free entry point:
    /// <see cref="EntryPoint.Ctwa"/>, <see cref="EntryPoint.PageCta"/>); <see cref="EntryPoint.None"/> for
    /// an ordinary message, a call, a close and the window rules alone. Persisted with the change, for pricing.
    /// </summary>
    public EntryPoint EntryPoint { get; init; }

    /// <summary>
    /// Which of two changes of one customer's window stands, whatever order they were written in
    /// (the rules of <see cref="CustomerWindows"/>): the later instant — the customer's last message
    /// (expiry − <paramref name="window"/>) or the close — and at the same instant the close. A store
    /// that keeps every change folds them with this.
    /// </summary>
    public bool Supersedes(WindowChange other, TimeSpan window) =>
        Instant(window) != other.Instant(window) ? Instant(window) > other.Instant(window) : Closed && !other.Closed;

    private long Instant(TimeSpan window) => Closed ? ExpiresAtTicks : ExpiresAtTicks - window.Ticks;
}
