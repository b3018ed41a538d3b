using System.IO.Hashing;
using System.Runtime.InteropServices;
using WabaActors.Domain.Common;
using WabaActors.Domain.Identity;

namespace WabaActors.Domain.Messaging;

/// <summary>
/// The ids of the inbound messages one number recorded, so that a repeated id changes nothing, whatever
/// its timestamp, and is answered the window as it stands (ADR 0017). The windows
/// alone are idempotent only on the timestamp: a redelivery stamped later would move a window.
/// <para>
/// An id is remembered for <c>retention</c> (the service window) after it was recorded. Read back from
/// the window change it rode on, it is remembered for the retention after that window's end instead
/// (<see cref="InboundId.CarriedBy"/>): longer, never shorter.
/// </para>
/// <para>
/// Held like the windows, with no object per id (docs/adr/0017-inbound-message-ids.md): a flat map from
/// the id's 63-bit digest to the instant it may be forgotten, and a FIFO of digests for amortised O(1)
/// expiry. Unlike <see cref="PermitLedger"/>'s per-process seed, the digest is persisted, so its function
/// is fixed (<see cref="Digest(MessageId)"/>). A collision of two ids is taken as a repeat: the second message
/// changes nothing. That can only withhold an extension (a session send may be denied and a template
/// needed), never open, extend or move back a window, and no caller gains anything by forcing one.
/// </para>
/// </summary>
public sealed class InboundLedger(TimeSpan retention)
{
    // The digest's seed: part of the stored format (waba_window.inbound_digest, waba_inbound_id.digest),
    // like the hash function itself. Changing either forgets every stored id ("WABAINBD").
    private const long Seed = 0x5741_4241_494E_4244;

    private readonly LongMap<long> _until = new();
    private readonly Queue<long> _order = new();
    private readonly long _retention = retention.Ticks;

    // When the FIFO's head may be due (MaxValue: nothing held): every record prunes first, and this keeps
    // that to a compare of a field until something is due (as PermitLedger does).
    private long _pruneDueTicks = long.MaxValue;

    /// <summary>Ids held in memory (remembered ones, and forgotten ones not yet pruned).</summary>
    public int Count => _until.Count;

    /// <summary>
    /// The id's digest: the top 63 bits of XXH3-64 over its UTF-16 code units with a fixed seed, 0 mapped
    /// to 1, so it is positive (a <see cref="LongMap{TValue}"/> key and a PostgreSQL <c>bigint</c>).
    /// </summary>
    public static long Digest(MessageId id) => Digest(id.Value.AsSpan());

    /// <summary>The same digest over any text (a status's (message id, status) key, for <c>CustomerVerdicts</c>).</summary>
    public static long Digest(ReadOnlySpan<char> text)
    {
        var digest = (long)(XxHash3.HashToUInt64(MemoryMarshal.AsBytes(text), Seed) >> 1);
        return digest == 0 ? 1 : digest;
    }

    /// <summary>
    /// A customer's message: null when its id is remembered (a repeat: nothing changes, nothing is
    /// written, whatever the timestamp); else the windows take it (<see cref="CustomerWindows.RecordInbound"/>,
    /// whose refusal remembers nothing) and the id is remembered. Allocation-free.
    /// </summary>
    public Result<InboundRecorded?> Record(CustomerWindows windows, MessageId id, CustomerIdentity customer, DateTimeOffset timestamp, DateTimeOffset now, EntryPoint entryPoint = EntryPoint.None)
    {
        var digest = Digest(id);
        if (Remembers(digest, now))
        {
            return (InboundRecorded?)null;
        }

        var recorded = windows.RecordInbound(customer, timestamp, now);
        if (!recorded.IsSuccess)
        {
            return recorded.Error!;
        }

        var seen = new InboundId(digest, now.UtcTicks);
        Apply(seen);
        return new InboundRecorded(seen, recorded.Value is { } change ? change with { InboundDigest = digest, EntryPoint = entryPoint } : null);
    }

    /// <summary>True while the id with <paramref name="digest"/> is remembered.</summary>
    public bool Remembers(long digest, DateTimeOffset now)
    {
        Prune(now);
        return _until.TryGetValue(digest, out var until) && until > now.UtcTicks;
    }

    /// <summary>
    /// Remembers an id: from a record, or replayed from storage on activation. Of an id given twice the
    /// later retention stands; a digest this ledger never makes (≤ 0: none) is ignored.
    /// </summary>
    public void Apply(InboundId id)
    {
        var until = id.AtTicks + _retention;
        if (id.Digest <= 0 || (_until.TryGetValue(id.Digest, out var kept) && kept >= until))
        {
            return;
        }

        _until.Set(id.Digest, until);
        _order.Enqueue(id.Digest);
        _pruneDueTicks = Math.Min(_pruneDueTicks, until);
    }

    /// <summary>
    /// Drops ids whose retention has ended, amortised O(1). The FIFO is in insertion order, not sorted:
    /// an id behind one not yet due waits for it (memory only: <see cref="Remembers"/> checks the instant).
    /// An id given again with a later retention leaves an earlier entry behind, dropped when reached.
    /// </summary>
    public void Prune(DateTimeOffset now)
    {
        var ticks = now.UtcTicks;
        if (ticks < _pruneDueTicks)
        {
            return;
        }

        while (_order.TryPeek(out var head))
        {
            var held = _until.TryGetValue(head, out var until);
            if (held && until > ticks)
            {
                _pruneDueTicks = until;
                return;
            }

            _order.Dequeue();
            if (held)
            {
                _until.Remove(head);
            }
        }

        _pruneDueTicks = long.MaxValue;
    }
}
