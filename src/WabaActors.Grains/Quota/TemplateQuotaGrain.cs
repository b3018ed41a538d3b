using Orleans.Concurrency;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WabaActors.Contracts;
using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Messaging;
using WabaActors.Contracts.Portfolios;
using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Rules;
using WabaActors.Grains.Translation;
using WabaActors.Grains.Portfolios;
using WabaActors.Grains.Storage;
using WabaActors.Grains.Faults;
using WabaActors.Grains.Telemetry;
using WabaActors.Grains.Time;

namespace WabaActors.Grains.Quota;

/// <summary>
/// The rolling set of unique template recipients of one account or portfolio. A counted recipient
/// is appended to the store (with the grant that counted it) before the grant is answered, and the
/// set is rebuilt from those grants on activation. Reentrant: a grant is decided between awaits and
/// answered only once every write it rests on is durable (<see cref="DurableTail"/>), so many grants
/// of one quota share a group commit. A portfolio's quota decides with the portfolio's one limit,
/// whichever member's number asks (ADR 0018): read from the portfolio once per activation, then told
/// by it when it changes, so a grant costs no extra hop.
/// </summary>
[Reentrant]
public sealed class TemplateQuotaGrain(
    IMessagingStore store,
    WabaRules rules,
    [FromKeyedServices(WabaClock.Key)] TimeProvider clock,
    GrainMetrics metrics,
    FaultLog faults,
    ILogger<TemplateQuotaGrain> logger) : Grain, ITemplateQuotaGrain, IPortfolioQuotaGrain, ICustomerDirectoryGrain
{
    private readonly TemplateQuota _quota = new(rules);
    private long _epoch;
    private readonly DurableTail _tail = new();
    private string? _portfolio;
    private SharedLimits? _portfolioLimits;
    private Task? _readingLimits;

    private string Key => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var journal = await store.LoadQuotaAsync(Key, clock.GetUtcNow(), cancellationToken);
        _epoch = journal.Epoch;
        _portfolio = QuotaKeys.PortfolioOf(Key);
        foreach (var grant in journal.Grants)
        {
            _quota.Apply(grant);
        }

        foreach (var link in journal.Links)
        {
            _quota.Links.Apply(link);
        }

        QuotaLog.Activated(logger, Key, _epoch, journal.Grants.Count);
    }

    /// <summary>
    /// The domain decides (<see cref="TemplateQuota.Grant(Identity.MessageId, Identity.CustomerIdentity, ReadOnlySpan{Identity.CustomerIdentity}, int, DateTimeOffset, bool)"/>); a new count is appended to the store, and
    /// every answer waits until what it rests on is durable (a replay or an "already counted" may rest on a
    /// write still in flight).
    /// </summary>
    public async ValueTask<TemplateGrant> GrantAsync(TemplateGrantRequest request, int limit, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        limit = await LimitAsync(limit);
        var answer = _quota.Grant(MessageId.Parse(request.MessageId).Value, Customers.CustomerOf(request), Customers.Parse(request.Aliases), limit, clock.GetUtcNow(),
            settle: request.Settle || request.Aliases is null);
        metrics.Counted(answer.Outcome);
        var written = answer.Granted is { } grant ? _tail.Append(WriteAsync(grant)) : _tail.Current;
        await DurableAsync(written);
        return answer.ToContract();
    }

    /// <summary>The directory learns a link; a new (or refreshed) one is durable before this answers.</summary>
    public async ValueTask LinkAsync(CustomerLinkRequest link, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var customer = CustomerIdentity.Parse(link.Customer);
        var partner = CustomerIdentity.Parse(link.Partner);
        if (!customer.IsSuccess || !partner.IsSuccess)
        {
            throw new ArgumentException("A link names two customer ids, each a phone or a BSUID.", nameof(link));
        }

        var learned = _quota.Links.Link(customer.Value, partner.Value, clock.GetUtcNow());
        if (learned is not null)
        {
            metrics.Linked(LinkEvent.Learned);
            QuotaLog.LinkLearned(logger, Key, _quota.Links.Count);
        }

        await DurableAsync(learned is { } fresh ? _tail.Append(store.AppendLinkAsync(Key, fresh).AsTask()) : _tail.Current);
    }

    public ValueTask<CustomerAliases> ResolveAsync(string customer, CancellationToken cancellationToken = default)
    {
        var parsed = CustomerIdentity.Parse(customer);
        var aliases = parsed.IsSuccess ? _quota.Links.Aliases(parsed.Value, clock.GetUtcNow()).Texts() : [];
        return ValueTask.FromResult(new CustomerAliases(aliases, _quota.Links.Count));
    }

    private async Task WriteAsync(PermitGranted grant)
    {
        if (!await store.AppendQuotaAsync(Key, _epoch, grant))
        {
            throw new QuotaFencedException(Key);
        }
    }

    /// <summary>
    /// Waits until what the answer rests on is committed. A fenced write means a newer activation owns
    /// the quota (a stale duplicate after a silo failure); a failed one leaves a slot counted in memory
    /// only. Either way this activation grants nothing more and goes away: the next one rebuilds from
    /// what is committed, and the caller retries.
    /// </summary>
    private async Task DurableAsync(Task written)
    {
        try
        {
            await written;
        }
        catch (QuotaFencedException)
        {
            QuotaLog.Fenced(logger, Key, _epoch);
            DeactivateOnIdle();
            throw;
        }
        catch (Exception e)
        {
            // An outage is counted (one line per interval), any other failure logged with its stack.
            if (!faults.TryRecord(e, FaultSource.QuotaWrite))
            {
                QuotaLog.WriteFailed(logger, Key, e);
            }

            DeactivateOnIdle();
            throw;
        }
    }

    public async ValueTask<RecipientLimitView> UsageAsync(int limit)
    {
        limit = await LimitAsync(limit);
        var usage = _quota.Usage(limit, clock.GetUtcNow());
        return new RecipientLimitView(usage.Used, usage.Limit, usage.NextSlotAt);
    }

    public async ValueTask<TemplateRecipientsView> RecipientsAsync(int limit)
    {
        limit = await LimitAsync(limit);
        var now = clock.GetUtcNow();
        var usage = _quota.Usage(limit, now);
        return new TemplateRecipientsView(
            usage.Used, usage.Limit, usage.NextSlotAt, now - rules.TemplateRecipientPeriod, now, _quota.CountedAt(now));
    }

    public ValueTask SetPortfolioLimitsAsync(SharedLimits limits)
    {
        KeepPortfolioLimits(limits);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The limit to decide with: for an account's quota the one its number passed; for a portfolio's the
    /// portfolio's, held once read (no hop after the first grant of an activation).
    /// </summary>
    private ValueTask<int> LimitAsync(int asked) =>
        _portfolio is null ? ValueTask.FromResult(asked)
        : _portfolioLimits is { } held ? ValueTask.FromResult(held.TemplateLimit)
        : ReadPortfolioLimitAsync(asked);

    /// <summary>
    /// Reads the portfolio's limits once (concurrent grants share the read). If the portfolio cannot answer,
    /// this grant uses the limit the member's number passed — the portfolio's as that member last heard it —
    /// and the next grant reads again.
    /// </summary>
    private async ValueTask<int> ReadPortfolioLimitAsync(int asked)
    {
        try
        {
            _readingLimits ??= ReadPortfolioLimitsAsync();
            await _readingLimits;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _readingLimits = null;
            PortfolioLog.LimitUnread(logger, Key, asked, e);
        }

        return _portfolioLimits?.TemplateLimit ?? asked;
    }

    private async Task ReadPortfolioLimitsAsync() =>
        KeepPortfolioLimits(await GrainFactory.Reference<IPortfolioGrain>(_portfolio!).GetLimitsAsync());

    /// <summary>Keeps the newest limits of this quota's portfolio (a read and a push may cross).</summary>
    private void KeepPortfolioLimits(SharedLimits limits)
    {
        if (_portfolio == limits.BusinessManagerId && (_portfolioLimits is null || limits.Version > _portfolioLimits.Version))
        {
            _portfolioLimits = limits;
        }
    }
}
