using WabaActors.Domain.Pricing;

namespace WabaActors.Domain.Rules;

/// <summary>
/// <c>WabaActors:Pricing</c>: Meta's prices as a dated schedule. Empty keeps Meta's schedule as BSPs report it
/// (from 2025-07-01: utility free in the window, service free; from 2026-10-01: utility billed in the window,
/// 1,000 free service messages per number per month).
/// </summary>
public sealed class PricingOptions
{
    public const string Section = "WabaActors:Pricing";

    public List<PricingPeriodOptions> Schedule { get; set; } = [];

    /// <summary>The schedule, or null for Meta's; an <see cref="ArgumentException"/> naming the section when a period is unusable.</summary>
    public PricingSchedule? ToSchedule()
    {
        if (Schedule.Count == 0)
        {
            return null;
        }

        var periods = Schedule.Select(p => new PricingPeriod(
            p.From ?? throw new ArgumentException($"{Section}:Schedule: every period needs 'From'."),
            p.UtilityFreeInWindow,
            p.ServiceFreePerMonth is < 0 ? throw new ArgumentException($"{Section}:Schedule: ServiceFreePerMonth must not be negative.") : p.ServiceFreePerMonth)).ToList();
        return periods.Select(p => p.From).Distinct().Count() == periods.Count
            ? new PricingSchedule(periods)
            : throw new ArgumentException($"{Section}:Schedule: two periods start at the same instant.");
    }
}

/// <summary>One period of <see cref="PricingOptions.Schedule"/>.</summary>
public sealed class PricingPeriodOptions
{
    public DateTimeOffset? From { get; set; }
    public bool UtilityFreeInWindow { get; set; }

    /// <summary>Free service messages per number per calendar month (UTC); unset: every service message is free.</summary>
    public int? ServiceFreePerMonth { get; set; }
}
