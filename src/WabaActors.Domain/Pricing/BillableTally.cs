namespace WabaActors.Domain.Pricing;

/// <summary>
/// Billable sends of one number in the last 24 h by pricing category, in hourly buckets (what the operator page
/// shows as spend). A bucket is reused once its hour has left the day, so the tally is fixed-size: 24 hours ×
/// 5 categories. Rebuilt on activation from the persisted grants of the last 24 h.
/// </summary>
public sealed class BillableTally
{
    private const int Hours = 24;
    private static readonly int Categories = Enum.GetValues<PricingCategory>().Length;

    private readonly long[] _hourOf = new long[Hours];
    private readonly int[] _counts = new int[Hours * Categories];

    /// <summary>Counts a billable send at <paramref name="at"/> (free ones and sends older than 24 h are not counted).</summary>
    public void Add(Price price, DateTimeOffset at, DateTimeOffset now)
    {
        var hour = at.UtcTicks / TimeSpan.TicksPerHour;
        if (!price.Billable || hour <= (now.UtcTicks / TimeSpan.TicksPerHour) - Hours)
        {
            return;
        }

        var slot = (int)(hour % Hours);
        if (_hourOf[slot] != hour)
        {
            _hourOf[slot] = hour;
            Array.Clear(_counts, slot * Categories, Categories);
        }

        _counts[(slot * Categories) + (int)price.Category - 1]++;
    }

    /// <summary>Billable sends per category in the 24 hours up to <paramref name="now"/> (the current hour included).</summary>
    public IReadOnlyDictionary<PricingCategory, int> Last24Hours(DateTimeOffset now)
    {
        var current = now.UtcTicks / TimeSpan.TicksPerHour;
        var totals = new Dictionary<PricingCategory, int>();
        for (var slot = 0; slot < Hours; slot++)
        {
            if (_hourOf[slot] <= current - Hours || _hourOf[slot] > current)
            {
                continue;
            }

            for (var c = 0; c < Categories; c++)
            {
                if (_counts[(slot * Categories) + c] is > 0 and var n)
                {
                    var category = (PricingCategory)(c + 1);
                    totals[category] = totals.GetValueOrDefault(category) + n;
                }
            }
        }

        return totals;
    }
}
