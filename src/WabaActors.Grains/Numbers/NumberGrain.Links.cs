using WabaActors.Contracts;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Messaging;
using WabaActors.Domain.Common;
using WabaActors.Domain.Identity;
using WabaActors.Grains.Telemetry;
using WabaActors.Grains.Translation;

namespace WabaActors.Grains.Numbers;

/// <summary>
/// A person's ids on this number. Links are held by the quota scope's directory
/// (<see cref="ICustomerDirectoryGrain"/>, durable there); the number keeps what it taught or was told in
/// <see cref="Domain.Messaging.NumberPermits.Links"/>, a cache rebuilt on demand after a reactivation. It
/// asks the directory only for a customer it would otherwise answer "closed", at most once per
/// <see cref="GrainOptions.LinkLookupInterval"/> per customer (and not at all for that long once the directory
/// answered that it holds no link): an open window answers with no hop.
/// </summary>
public sealed partial class NumberGrain
{
    private readonly Dictionary<CustomerKey, long> _lookedUp = [];

    // Until when the scope's directory is known to hold no link at all (UTC ticks): no customer is looked
    // up before then. Reset when this number teaches a link.
    private long _directoryEmptyUntil = long.MinValue;

    public async ValueTask<Reply<bool>> LinkAsync(Scope owner, CustomerLinkRequest link, CancellationToken cancellationToken = default)
    {
        if (Owned(owner) is null)
        {
            return Failures.NumberNotFound;
        }

        var v = new Validator();
        var customer = v.Parse("customer", () => CustomerIdentity.Parse(link.Customer));
        var partner = v.Parse("partner", () => CustomerIdentity.Parse(link.Partner, "partner"));
        if (!v.IsValid)
        {
            return v.ToError().ToFailure();
        }

        return await TeachAsync(customer, partner, cancellationToken);
    }

    /// <summary>
    /// Two ids of one person seen here: cached, and taught to the directory (durable there) unless this
    /// number taught it within half the link retention. True when the directory was taught.
    /// </summary>
    private async ValueTask<bool> TeachAsync(CustomerIdentity customer, CustomerIdentity partner, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_permits.Links.Link(customer, partner, now) is null)
        {
            return false;
        }

        var gate = await CurrentGateAsync(now);
        await GrainFactory.Reference<ICustomerDirectoryGrain>(gate.QuotaKey)
            .LinkAsync(new CustomerLinkRequest(customer.ToString(), partner.ToString()), cancellationToken);
        _directoryEmptyUntil = long.MinValue;
        metrics.Linked(LinkEvent.Taught);
        NumberLog.LinkTaught(logger, PersonalData.Hash(Phone), gate.QuotaKey);
        return true;
    }

    /// <summary>
    /// Asks the directory for <paramref name="customer"/>'s other ids unless asked within the lookup
    /// interval; false when nothing new could be learned (asked recently), true after a lookup.
    /// </summary>
    private async ValueTask<bool> LookUpAsync(CustomerIdentity customer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var interval = options.Value.LinkLookupInterval.Ticks;
        if ((_lookedUp.TryGetValue(customer.Key, out var at) && now.UtcTicks - at < interval && now.UtcTicks >= at)
            || now.UtcTicks < _directoryEmptyUntil)
        {
            return false;
        }

        var gate = await CurrentGateAsync(now);
        var answer = await GrainFactory.Reference<ICustomerDirectoryGrain>(gate.QuotaKey).ResolveAsync(customer.ToString(), cancellationToken);
        _permits.Learn(customer, Customers.Parse(answer.Aliases), now);
        metrics.Linked(LinkEvent.LookedUp);
        NumberLog.LinksLookedUp(logger, PersonalData.Hash(Phone), gate.QuotaKey, answer.Aliases.Count);
        if (answer.LinkedIds == 0)
        {
            // A directory with no link answers every customer alike: ask none until the interval passes.
            _directoryEmptyUntil = now.UtcTicks + interval;
            return true;
        }
        if (_lookedUp.Count >= options.Value.LinkLookupCache)
        {
            // Bounded: entries past the interval go first; if all are recent, all go (only a hop is lost).
            foreach (var stale in _lookedUp.Where(e => now.UtcTicks - e.Value >= interval).Select(e => e.Key).ToList())
            {
                _lookedUp.Remove(stale);
            }

            if (_lookedUp.Count >= options.Value.LinkLookupCache)
            {
                _lookedUp.Clear();
            }
        }

        _lookedUp[customer.Key] = now.UtcTicks;
        return true;
    }
}
