using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Verdicts;
using WabaActors.Domain.Rules;
using WabaActors.Grains.Time;

namespace WabaActors.Grains.Storage;

/// <summary>
/// The embedded default: deltas kept in process memory for the silo's lifetime, so a grain that is
/// deactivated and reactivated finds its windows, grants and inbound message ids again. Nothing survives a restart.
/// Entries past their life are dropped whenever a log has doubled since it was last pruned.
/// </summary>
public sealed class InMemoryMessagingStore([FromKeyedServices(WabaClock.Key)] TimeProvider clock, WabaRules rules) : IMessagingStore
{
    private readonly ConcurrentDictionary<string, Log<WindowChange>> _windows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Log<GrantRow>> _numberGrants = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Log<InboundId>> _inboundIds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Log<GrantRow>> _quotaGrants = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _epochs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Log<CustomerLink>> _links = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Log<CustomerVerdict>> _verdicts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ServiceAllowanceCount> _allowances = new(StringComparer.Ordinal);

    public ValueTask AppendNumberAsync(string phone, WindowChange? window, PermitGranted? grant, CancellationToken ct = default)
    {
        if (window is { } w)
        {
            _windows.GetOrAdd(phone, static (_, self) => self.WindowLog(), this).Add(w, Now);
        }

        if (grant is not null)
        {
            _numberGrants.GetOrAdd(phone, static (_, self) => self.GrantLog(), this).Add(new GrantRow(grant), Now);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask AppendInboundIdAsync(string phone, InboundId id, CancellationToken ct = default)
    {
        _inboundIds.GetOrAdd(phone, static (_, self) => self.InboundIdLog(), this).Add(id, Now);
        return ValueTask.CompletedTask;
    }

    public ValueTask AppendVerdictAsync(string phone, CustomerVerdict verdict, CancellationToken ct = default)
    {
        _verdicts.GetOrAdd(phone, static (_, self) => self.VerdictLog(), this).Add(verdict, Now);
        return ValueTask.CompletedTask;
    }

    public ValueTask SaveAllowanceAsync(string phone, ServiceAllowanceCount allowance, CancellationToken ct = default)
    {
        _allowances[phone] = allowance;
        return ValueTask.CompletedTask;
    }

    public ValueTask<NumberJournal> LoadNumberAsync(string phone, DateTimeOffset since, CancellationToken ct = default)
    {
        var ticks = since.UtcTicks;
        var changes = _windows.TryGetValue(phone, out var w) ? w.LiveAfter(ticks) : [];
        var grants = _numberGrants.TryGetValue(phone, out var g) ? g.LiveAfter(ticks - rules.GrantRetention.Ticks, r => r.ToGrant()) : [];

        // An open window past its end is still read for the inbound id it carries; only the id is kept of it.
        var ids = changes.Select(InboundId.CarriedBy).OfType<InboundId>()
            .Concat(_inboundIds.TryGetValue(phone, out var i) ? i.LiveAfter(ticks) : [])
            .OrderBy(id => id.AtTicks)
            .ToList();
        return ValueTask.FromResult(new NumberJournal([.. changes.Where(c => c.Closed || c.ExpiresAtTicks > ticks)], grants)
        {
            InboundIds = ids,
            Verdicts = _verdicts.TryGetValue(phone, out var v) ? v.LiveAfter(Now) : [],
            Allowance = _allowances.GetValueOrDefault(phone),
        });
    }

    public ValueTask<bool> AppendQuotaAsync(string quotaKey, long epoch, PermitGranted grant, CancellationToken ct = default)
    {
        if (_epochs.GetValueOrDefault(quotaKey) != epoch)
        {
            return ValueTask.FromResult(false);
        }

        _quotaGrants.GetOrAdd(quotaKey, static (_, self) => self.GrantLog(), this).Add(new GrantRow(grant), Now);
        return ValueTask.FromResult(true);
    }

    public ValueTask AppendLinkAsync(string quotaKey, CustomerLink link, CancellationToken ct = default)
    {
        _links.GetOrAdd(quotaKey, static (_, self) => self.LinkLog(), this).Add(link, Now);
        return ValueTask.CompletedTask;
    }

    public ValueTask<QuotaJournal> LoadQuotaAsync(string quotaKey, DateTimeOffset since, CancellationToken ct = default)
    {
        var epoch = _epochs.AddOrUpdate(quotaKey, 1, (_, e) => e + 1);
        var grants = _quotaGrants.TryGetValue(quotaKey, out var g) ? g.LiveAfter(since.UtcTicks - rules.TemplateRecipientPeriod.Ticks, r => r.ToGrant()) : [];
        var links = _links.TryGetValue(quotaKey, out var l) ? l.LiveAfter(since.UtcTicks) : [];
        return ValueTask.FromResult(new QuotaJournal(epoch, grants) { Links = links });
    }

    private long Now => clock.GetUtcNow().UtcTicks;

    // A change that carries an inbound id lives as long as a close does: the id is remembered a window after its end.
    private Log<WindowChange> WindowLog() =>
        new(c => c.Closed || c.InboundDigest != 0 ? c.ExpiresAtTicks + rules.ServiceWindow.Ticks : c.ExpiresAtTicks);

    private Log<CustomerLink> LinkLog() => new(l => l.TaughtAtTicks + rules.LinkRetention.Ticks);

    private Log<CustomerVerdict> VerdictLog() => new(v => VerdictEnd(v, rules));

    /// <summary>Until when a stored verdict matters (a hold's end; a preference's retention): the stores keep it as long.</summary>
    public static long VerdictEnd(CustomerVerdict v, WabaRules rules) => v.AtTicks + (v.Kind switch
    {
        VerdictKind.MarketingLimited => rules.MarketingLimitHold,
        VerdictKind.MarketingStopped => rules.OptOutRetention,
        _ => rules.OutcomeRetention,
    }).Ticks;

    private Log<InboundId> InboundIdLog() => new(i => i.AtTicks + rules.ServiceWindow.Ticks);

    private Log<GrantRow> GrantLog() => new(g => g.GrantedAtTicks + rules.GrantRetention.Ticks);

    /// <summary>An append-only list, readable while written, whose entries live until <c>endOf</c>.</summary>
    private sealed class Log<T>(Func<T, long> endOf)
    {
        private readonly List<T> _items = [];
        private int _prunedAt = 1024;

        public void Add(T item, long now)
        {
            lock (_items)
            {
                _items.Add(item);
                if (_items.Count >= 2 * _prunedAt)
                {
                    _items.RemoveAll(i => endOf(i) <= now);
                    _prunedAt = Math.Max(1024, _items.Count);
                }
            }
        }

        /// <summary>The entries still alive after <paramref name="ticks"/>, in write order.</summary>
        public IReadOnlyList<T> LiveAfter(long ticks) => LiveAfter(ticks, i => i);

        public IReadOnlyList<TOut> LiveAfter<TOut>(long ticks, Func<T, TOut> map)
        {
            lock (_items)
            {
                return _items.Where(i => endOf(i) > ticks).Select(map).ToList();
            }
        }
    }

    /// <summary>A grant as kept here: a struct, so the log holds no object per grant but its id.</summary>
    private readonly record struct GrantRow(string MessageId, CustomerIdentity Customer, MessageType Type, long GrantedAtTicks, long? WindowExpiresAtTicks, int? Used, int? Limit, long? FreeUntilTicks, byte PriceCode)
    {
        public GrantRow(PermitGranted g)
            : this(g.MessageId, g.Customer, g.Type, g.GrantedAtTicks, g.WindowExpiresAtTicks, g.Used, g.Limit, g.FreeUntilTicks, g.PriceCode)
        {
        }

        public PermitGranted ToGrant() => new(MessageId, Customer, Type, GrantedAtTicks)
        {
            WindowExpiresAtTicks = WindowExpiresAtTicks, Used = Used, Limit = Limit, FreeUntilTicks = FreeUntilTicks, PriceCode = PriceCode,
        };
    }
}
