using WabaActors.Domain.Messaging;
using WabaActors.Domain.Templates;

namespace WabaActors.Domain.Pricing;

/// <summary>
/// Meta's pricing as a dated schedule: the period in force at a decision's instant prices it. The one home of
/// the pricing rules. Pricing never decides whether a send is allowed.
/// <list type="bullet">
/// <item>Inside a free entry point's 72 h everything is free (<see cref="FreeReason.FreeEntryPoint"/>).</item>
/// <item>A session message is <c>service</c>: free inside the window, or from the monthly-allowance period on,
/// free for the first <see cref="PricingPeriod.ServiceFreePerMonth"/> of the number's month and billable beyond.</item>
/// <item>A utility template inside an open window is free while <see cref="PricingPeriod.UtilityFreeInWindow"/>.</item>
/// <item>Every other template is billable; a template of unknown category is <c>unknown</c> and billable.</item>
/// </list>
/// </summary>
public sealed class PricingSchedule
{
    private readonly PricingPeriod[] _periods;

    public PricingSchedule(IEnumerable<PricingPeriod> periods)
    {
        _periods = [.. periods.OrderBy(p => p.From)];
        if (_periods.Length == 0)
        {
            throw new ArgumentException("A pricing schedule holds at least one period.", nameof(periods));
        }
    }

    /// <summary>Meta's schedule as BSPs report it: per-message pricing from 1 Jul 2025, the service allowance from 1 Oct 2026.</summary>
    public static PricingSchedule Meta { get; } = new(
    [
        new PricingPeriod(new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero), UtilityFreeInWindow: true, ServiceFreePerMonth: null),
        new PricingPeriod(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), UtilityFreeInWindow: false, ServiceFreePerMonth: 1_000),
    ]);

    public IReadOnlyList<PricingPeriod> Periods => _periods;

    /// <summary>The period in force at <paramref name="now"/> (the first one before the schedule starts).</summary>
    public PricingPeriod At(DateTimeOffset now)
    {
        var found = _periods[0];
        foreach (var period in _periods)
        {
            if (period.From > now)
            {
                break;
            }

            found = period;
        }

        return found;
    }

    /// <summary>
    /// The price of an allowed send. <paramref name="allowance"/> is the number's service allowance: a session
    /// message priced free under it is counted there.
    /// </summary>
    public Price Price(MessageType type, TemplateCategory? category, bool windowOpen, bool freeEntry, ServiceAllowance allowance, DateTimeOffset now)
    {
        if (type == MessageType.Session)
        {
            if (freeEntry)
            {
                return new Price(PricingCategory.Service, FreeReason.FreeEntryPoint);
            }

            var period = At(now);
            if (period.ServiceFreePerMonth is not { } free)
            {
                return new Price(PricingCategory.Service, FreeReason.CustomerServiceWindow);
            }

            return allowance.TryTake(free, now)
                ? new Price(PricingCategory.Service, FreeReason.MonthlyAllowance)
                : new Price(PricingCategory.Service, FreeReason.None);
        }

        var priced = category switch
        {
            TemplateCategory.Marketing => PricingCategory.Marketing,
            TemplateCategory.Utility => PricingCategory.Utility,
            TemplateCategory.Authentication => PricingCategory.Authentication,
            _ => PricingCategory.Unknown,
        };
        if (freeEntry)
        {
            return new Price(priced, FreeReason.FreeEntryPoint);
        }

        return priced == PricingCategory.Utility && windowOpen && At(now).UtilityFreeInWindow
            ? new Price(priced, FreeReason.CustomerServiceWindow)
            : new Price(priced, FreeReason.None);
    }
}
