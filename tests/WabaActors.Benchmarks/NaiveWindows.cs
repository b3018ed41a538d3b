namespace WabaActors.Benchmarks;

/// <summary>
/// The naive representation the ADR compares against: windows in a dictionary keyed by the
/// customer's string, recipients in a list scanned on every call. Same rules, none of the care.
/// </summary>
public sealed class NaiveWindows(TimeSpan window, TimeSpan futureTolerance)
{
    private readonly Dictionary<string, DateTimeOffset> _expiry = new(StringComparer.Ordinal);

    public int Count => _expiry.Count;

    public bool RecordInbound(string customer, DateTimeOffset timestamp, DateTimeOffset now)
    {
        var expires = timestamp + window;
        if (timestamp > now + futureTolerance || expires <= now)
        {
            return false;
        }

        if (_expiry.TryGetValue(customer, out var current) && current >= expires)
        {
            return false;
        }

        _expiry[customer] = expires;
        return true;
    }

    public bool IsOpen(string customer, DateTimeOffset now) => _expiry.TryGetValue(customer, out var expires) && expires > now;
}
