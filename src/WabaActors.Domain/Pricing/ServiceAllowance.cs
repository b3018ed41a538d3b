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
    public void Restore(int month, int used) => (Month, Used, Dirty) = (month, used, false);

    /// <summary>Takes one free message when fewer than <paramref name="free"/> were used this month.</summary>
    public bool TryTake(int free, DateTimeOffset now)
    {
        var month = MonthOf(now);
        if (month != Month)
        {
            (Month, Used) = (month, 0);
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
