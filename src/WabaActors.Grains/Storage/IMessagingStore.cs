using WabaActors.Domain.Messaging;
using WabaActors.Domain.Verdicts;

namespace WabaActors.Grains.Storage;

/// <summary>
/// The hot sets' durable store: it is written the change, not the world (one small delta per
/// decision), and a write's task completes only once the change is durable. Loads return only
/// what is still live after <c>since</c>. See docs/adr/0002-grains-and-permit-path.md.
/// </summary>
public interface IMessagingStore
{
    /// <summary>
    /// A number's window change and/or grant. A window change an inbound message made carries the
    /// message's id (<see cref="WindowChange.InboundDigest"/>): the one write remembers both.
    /// </summary>
    ValueTask AppendNumberAsync(string phone, WindowChange? window, PermitGranted? grant, CancellationToken ct = default);

    /// <summary>
    /// The id of an inbound message that changed no window, written alone so that a repeat is still
    /// recognised after a reload (docs/adr/0017-inbound-message-ids.md). A store that keeps nothing may
    /// complete at once; a durable one must implement it (the default refuses, so none forgets silently).
    /// </summary>
    ValueTask AppendInboundIdAsync(string phone, InboundId id, CancellationToken ct = default) =>
        throw new NotSupportedException($"{GetType().Name} does not keep inbound message ids.");

    /// <summary>
    /// A verdict on one of the number's customers (131049, 131050, a preference), durable when the task completes;
    /// loaded back in <see cref="NumberJournal.Verdicts"/> while it matters (<see cref="InMemoryMessagingStore.VerdictEnd"/>).
    /// </summary>
    ValueTask AppendVerdictAsync(string phone, CustomerVerdict verdict, CancellationToken ct = default);

    /// <summary>The number's free service messages this month (pricing only; flushed now and then, the latest write wins).</summary>
    ValueTask SaveAllowanceAsync(string phone, ServiceAllowanceCount allowance, CancellationToken ct = default);

    ValueTask<NumberJournal> LoadNumberAsync(string phone, DateTimeOffset since, CancellationToken ct = default);

    /// <summary>
    /// A template recipient counted by a quota, with the grant that counted it (its instant is the
    /// counting instant). False when <paramref name="epoch"/> is no longer the quota's: a newer
    /// activation owns it, and this one must not grant (the write did not happen).
    /// </summary>
    ValueTask<bool> AppendQuotaAsync(string quotaKey, long epoch, PermitGranted grant, CancellationToken ct = default);

    /// <summary>
    /// Takes ownership of the quota (a new epoch, fencing every older activation's writes), then
    /// loads the grants still live after <paramref name="since"/>.
    /// </summary>
    /// <summary>
    /// A link between two ids of one person, taught to the directory of the quota scope
    /// <paramref name="quotaKey"/>; loaded back in <see cref="QuotaJournal.Links"/> while live. Not fenced:
    /// a link is a fact, and writing it twice changes nothing.
    /// </summary>
    ValueTask AppendLinkAsync(string quotaKey, CustomerLink link, CancellationToken ct = default);

    ValueTask<QuotaJournal> LoadQuotaAsync(string quotaKey, DateTimeOffset since, CancellationToken ct = default);
}
