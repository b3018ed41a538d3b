namespace WabaActors.Domain.Pricing;

/// <summary>
/// A number's free service messages in the current calendar month (UTC). Informational: it prices, never
/// decides; the grain flushes it to storage now and then, so a crash may lose seconds of counts.
/// </summary>
public sealed class ServiceAllowance
{
    /// <summary>The month counted: year × 12 + month − 1.</summary>
    public int Month { get; private set; }

    /// <summary>Service messages priced free in <see cref="Month"/>.</summary>
    public int Used { get; private set; }

    /// <summary>Whether the count moved since the last <see cref="Flushed"/>.</summary>
    public bool Dirty { get; private set; }

    public static int MonthOf(DateTimeOffset now) => (now.UtcDateTime.Year * 12) + now.UtcDateTime.Month - 1;

    /// <summary>Restores a flushed count (on activation).</summary>
    public void Restore(int month, int used) => (Month, Used, Dirty, _monthFrom, _monthTo) = (month, used, false, 0, 0);

    private long _monthFrom;
    private long _monthTo;

    /// <summary>Takes one free message when fewer than <paramref name="free"/> were used this month.</summary>
    public bool TryTake(int free, DateTimeOffset now)
    {
        // The month's bounds are kept: most sends fall in the month of the one before, and a compare is cheaper
        // than taking a date apart.
        var ticks = now.UtcTicks;
        if (ticks < _monthFrom || ticks >= _monthTo)
        {
            var month = MonthOf(now);
            if (month != Month)
            {
                (Month, Used) = (month, 0);
            }

            var from = new DateTimeOffset(month / 12, (month % 12) + 1, 1, 0, 0, 0, TimeSpan.Zero);
            (_monthFrom, _monthTo) = (from.UtcTicks, from.AddMonths(1).UtcTicks);
        }

        if (Used >= free)
        {
            return false;
        }

        Used++;
        Dirty = true;
        return true;
    }

    public void Flushed() => Dirty = false;

    /// <summary>A flush failed: the count is written again at the next one.</summary>
    public void Touch() => Dirty = true;
}
