namespace WabaActors.Domain.Messaging;

/// <summary>
/// An inbound message id a number remembers, as written alone and replayed: its digest
/// (<see cref="InboundLedger.Digest(Identity.MessageId)"/>) and the instant its retention runs from — when it was recorded.
/// </summary>
public readonly record struct InboundId(long Digest, long AtTicks)
{
    /// <summary>
    /// The id a window change carries (<see cref="WindowChange.InboundDigest"/>), as read back from storage;
    /// null for none. The change does not keep when its message was recorded, only its window's end, which
    /// is later (a change is written only for a window that ends after its message was recorded): the
    /// retention runs from that end, so a reloaded id is remembered longer than live, never shorter.
    /// </summary>
    public static InboundId? CarriedBy(WindowChange change) =>
        change.InboundDigest == 0 ? null : new InboundId(change.InboundDigest, change.ExpiresAtTicks);
}
