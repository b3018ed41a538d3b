using WabaActors.Domain.Identity;

namespace WabaActors.Domain.Messaging;

/// <summary>
/// Which ids name one person in a scope (an account, or a portfolio under Meta's rules): links between
/// two ids, kept for <see cref="Rules.WabaRules.LinkRetention"/> after they were last taught. A person is
/// every id reachable through live links, at most <see cref="MaxIds"/>. Windows and recipient counts are
/// kept per id as they were made; readers ask <see cref="Aliases"/> and look under every id of the
/// person, so a link never moves or merges state: before a link two ids are two recipients, and a link
/// learned after both were counted frees no slot early (docs/adr/0020-customers-are-people.md).
/// </summary>
public sealed class CustomerLinks(TimeSpan retention)
{
    /// <summary>A person is resolved to at most this many ids; more would only over-count.</summary>
    public const int MaxIds = 8;

    private readonly Dictionary<CustomerKey, Edge[]> _edges = [];
    private readonly Queue<CustomerLink> _order = new();
    private readonly long _retention = retention.Ticks;

    /// <summary>Ids with at least one live link.</summary>
    public int Count => _edges.Count;

    /// <summary>
    /// Teaches that <paramref name="customer"/> and <paramref name="partner"/> are one person: the link to
    /// persist, or null when they are the same id or the link is known and was taught within half the
    /// retention (so an active person's link is written again about once per half retention, not per message).
    /// </summary>
    public CustomerLink? Link(CustomerIdentity customer, CustomerIdentity partner, DateTimeOffset now)
    {
        Prune(now);
        if (customer == partner || (TaughtAt(customer.Key, partner) is { } at && now.UtcTicks - at < _retention / 2))
        {
            return null;
        }

        var link = new CustomerLink(customer, partner, now.UtcTicks);
        Apply(link);
        return link;
    }

    /// <summary>Applies a link: from <see cref="Link"/>, or replayed from storage on activation.</summary>
    public void Apply(CustomerLink link)
    {
        if (link.Customer == link.Partner)
        {
            return;
        }

        Put(link.Customer, link.Partner, link.TaughtAtTicks);
        Put(link.Partner, link.Customer, link.TaughtAtTicks);
        _order.Enqueue(link);
    }

    /// <summary>
    /// The other ids of <paramref name="customer"/>'s person (empty when it has no live link), breadth
    /// first, at most <see cref="MaxIds"/> − 1.
    /// </summary>
    public CustomerIdentity[] Aliases(CustomerIdentity customer, DateTimeOffset now)
    {
        if (_order.Count == 0)
        {
            return []; // the permit path's common case: no link known, nothing to prune
        }

        Prune(now);
        if (!_edges.ContainsKey(customer.Key))
        {
            return [];
        }

        var person = new List<CustomerIdentity>(2) { customer };
        for (var i = 0; i < person.Count && person.Count < MaxIds; i++)
        {
            foreach (var edge in _edges.GetValueOrDefault(person[i].Key, []))
            {
                if (person.Count < MaxIds && !person.Contains(edge.Partner))
                {
                    person.Add(edge.Partner);
                }
            }
        }

        return [.. person.Skip(1)];
    }

    /// <summary>Drops links not taught again within the retention; amortised O(1).</summary>
    public void Prune(DateTimeOffset now)
    {
        var cutoff = now.UtcTicks - _retention;
        while (_order.TryPeek(out var head) && head.TaughtAtTicks <= cutoff)
        {
            _order.Dequeue();
            Drop(head.Customer.Key, head.Partner, head.TaughtAtTicks);
            Drop(head.Partner.Key, head.Customer, head.TaughtAtTicks);
        }
    }

    private long? TaughtAt(CustomerKey from, CustomerIdentity to)
    {
        foreach (var edge in _edges.GetValueOrDefault(from, []))
        {
            if (edge.Partner == to)
            {
                return edge.TaughtAtTicks;
            }
        }

        return null;
    }

    private void Put(CustomerIdentity from, CustomerIdentity to, long at)
    {
        var edges = _edges.GetValueOrDefault(from.Key, []);
        var i = Array.FindIndex(edges, e => e.Partner == to);
        if (i >= 0)
        {
            edges[i] = edges[i] with { TaughtAtTicks = Math.Max(edges[i].TaughtAtTicks, at) };
            return;
        }

        _edges[from.Key] = [.. edges, new Edge(to, at)];
    }

    /// <summary>Removes the edge unless it was taught again since (a later instant stands).</summary>
    private void Drop(CustomerKey from, CustomerIdentity to, long at)
    {
        if (!_edges.TryGetValue(from, out var edges))
        {
            return;
        }

        var kept = Array.FindAll(edges, e => e.Partner != to || e.TaughtAtTicks > at);
        if (kept.Length == 0)
        {
            _edges.Remove(from);
        }
        else if (kept.Length != edges.Length)
        {
            _edges[from] = kept;
        }
    }

    private readonly record struct Edge(CustomerIdentity Partner, long TaughtAtTicks);
}
