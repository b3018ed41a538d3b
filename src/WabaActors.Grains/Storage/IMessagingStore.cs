using WabaActors.Domain.Messaging;

namespace WabaActors.Grains.Storage;

/// <summary>
/// The hot sets' durable store: it is written the change, not the world (one small delta per
/// decision), and a write's task completes only once the change is durable. Loads return only
/// what is still live after <c>since</c>. See docs/adr/0002-grains-and-permit-path.md.
/// </summary>
public interface IMessagingStore
{
    /// <summary>A number's window change and/or grant.</summary>
    ValueTask AppendNumberAsync(string phone, WindowChange? window, PermitGranted? grant, CancellationToken ct = default);

    ValueTask<NumberJournal> LoadNumberAsync(string phone, DateTimeOffset since, CancellationToken ct = default);

    /// <summary>A template recipient counted by a quota, with the grant that counted it (its instant is the counting instant).</summary>
    ValueTask AppendQuotaAsync(string quotaKey, PermitGranted grant, CancellationToken ct = default);

    ValueTask<QuotaJournal> LoadQuotaAsync(string quotaKey, DateTimeOffset since, CancellationToken ct = default);
}
