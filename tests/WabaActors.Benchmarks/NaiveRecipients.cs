namespace WabaActors.Benchmarks;

/// <summary>Template recipients as a plain list of (customer, counted at), pruned and searched linearly.</summary>
public sealed class NaiveRecipients(TimeSpan period)
{
    private readonly List<(string Customer, DateTimeOffset At)> _counted = [];

    public int Count => _counted.Count;

    /// <summary>Adds a stored count without checking, as loading from storage would (building by TryCount is quadratic).</summary>
    public void Load(string customer, DateTimeOffset at) => _counted.Add((customer, at));

    public bool TryCount(string customer, int limit, DateTimeOffset now)
    {
        // Drop what left the period and look for the customer: two scans of the whole list.
        var cutoff = now - period;
        var kept = 0;
        for (var i = 0; i < _counted.Count; i++)
        {
            if (_counted[i].At > cutoff)
            {
                _counted[kept++] = _counted[i];
            }
        }

        _counted.RemoveRange(kept, _counted.Count - kept);
        for (var i = 0; i < _counted.Count; i++)
        {
            if (_counted[i].Customer == customer)
            {
                return true;
            }
        }

        if (_counted.Count >= limit)
        {
            return false;
        }

        _counted.Add((customer, now));
        return true;
    }
}
