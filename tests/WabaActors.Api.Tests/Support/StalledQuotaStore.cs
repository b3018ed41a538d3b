using WabaActors.Domain.Messaging;
using WabaActors.Domain.Verdicts;
using WabaActors.Grains.Storage;

namespace WabaActors.Api.Tests.Support;

/// <summary>
/// The embedded store, except that while <see cref="Stall"/> is held a template quota's write waits for
/// its release (as a commit does when the silo holding the quota has just died, or the database hangs).
/// </summary>
public sealed class StalledQuotaStore(IMessagingStore inner) : IMessagingStore
{
    private volatile TaskCompletionSource? _stall;

    /// <summary>Holds every quota write from now until the returned handle is disposed.</summary>
    public IDisposable Stall()
    {
        var stall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _stall = stall;
        return new Release(() =>
        {
            _stall = null;
            stall.TrySetResult();
        });
    }

    public async ValueTask<bool> AppendQuotaAsync(string quotaKey, long epoch, PermitGranted grant, CancellationToken ct = default)
    {
        if (_stall is { } stall)
        {
            await stall.Task;
        }

        return await inner.AppendQuotaAsync(quotaKey, epoch, grant, ct);
    }

    public ValueTask AppendNumberAsync(string phone, WindowChange? window, PermitGranted? grant, CancellationToken ct = default) =>
        inner.AppendNumberAsync(phone, window, grant, ct);

    public ValueTask AppendInboundIdAsync(string phone, InboundId id, CancellationToken ct = default) => inner.AppendInboundIdAsync(phone, id, ct);

    public ValueTask AppendVerdictAsync(string phone, CustomerVerdict verdict, CancellationToken ct = default) => inner.AppendVerdictAsync(phone, verdict, ct);

    public ValueTask SaveAllowanceAsync(string phone, ServiceAllowanceCount allowance, CancellationToken ct = default) => inner.SaveAllowanceAsync(phone, allowance, ct);

    public ValueTask<NumberJournal> LoadNumberAsync(string phone, DateTimeOffset since, CancellationToken ct = default) => inner.LoadNumberAsync(phone, since, ct);

    public ValueTask AppendLinkAsync(string quotaKey, CustomerLink link, CancellationToken ct = default) => inner.AppendLinkAsync(quotaKey, link, ct);

    public ValueTask<QuotaJournal> LoadQuotaAsync(string quotaKey, DateTimeOffset since, CancellationToken ct = default) => inner.LoadQuotaAsync(quotaKey, since, ct);

    private sealed class Release(Action release) : IDisposable
    {
        public void Dispose() => release();
    }
}
