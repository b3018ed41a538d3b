namespace WabaActors.Benchmarks;

/// <summary>Template recipients as a plain list of (customer, counted at), pruned and searched linearly.</summary>
public sealed class NaiveRecipients(TimeSpan period)
{
    private readonly List<(string Customer, DateTimeOffset At)> _counted = [];

    public int Count => _counted.Count;

    public bool TryCount(string customer, int limit, DateTimeOffset now)
    {
        var cutoff = now - period;
        _counted.RemoveAll(c => c.At <= cutoff);
        if (_counted.Exists(c => c.Customer == customer))
        {
            return true;
        }

        if (_counted.Count >= limit)
        {
            return false;
        }

        _counted.Add((customer, now));
        return true;
    }
}
