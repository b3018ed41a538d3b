using WabaActors.Domain.Messaging;
using WabaActors.Grains.Storage;

namespace WabaActors.Benchmarks;

/// <summary>
/// A store that keeps nothing in this process (as PostgreSQL would): the memory figure then counts
/// only what the grains hold, not the embedded store's copy of every change.
/// </summary>
public sealed class DiscardingMessagingStore : IMessagingStore
{
    private long _epoch;

    public ValueTask AppendNumberAsync(string phone, WindowChange? window, PermitGranted? grant, CancellationToken ct = default) => ValueTask.CompletedTask;

    public ValueTask AppendInboundIdAsync(string phone, InboundId id, CancellationToken ct = default) => ValueTask.CompletedTask;

    public ValueTask AppendVerdictAsync(string phone, Domain.Verdicts.CustomerVerdict verdict, CancellationToken ct = default) => ValueTask.CompletedTask;

    public ValueTask SaveAllowanceAsync(string phone, ServiceAllowanceCount allowance, CancellationToken ct = default) => ValueTask.CompletedTask;

    public ValueTask AppendLinkAsync(string quotaKey, CustomerLink link, CancellationToken ct = default) => ValueTask.CompletedTask;

    public ValueTask<NumberJournal> LoadNumberAsync(string phone, DateTimeOffset since, CancellationToken ct = default) => ValueTask.FromResult(NumberJournal.Empty);

    public ValueTask<bool> AppendQuotaAsync(string quotaKey, long epoch, PermitGranted grant, CancellationToken ct = default) => ValueTask.FromResult(true);

    public ValueTask<QuotaJournal> LoadQuotaAsync(string quotaKey, DateTimeOffset since, CancellationToken ct = default) =>
        ValueTask.FromResult(new QuotaJournal(Interlocked.Increment(ref _epoch), []));
}
