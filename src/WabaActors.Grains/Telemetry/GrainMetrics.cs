using System.Diagnostics.Metrics;
using WabaActors.Domain.Common;
using WabaActors.Domain.Messaging;

namespace WabaActors.Grains.Telemetry;

/// <summary>
/// The grains' instruments (docs/telemetry.md). Recording is allocation-free: every tag combination
/// is an array built once here, and <see cref="Counter{T}.Add(T, ReadOnlySpan{KeyValuePair{string, object}})"/>
/// takes it as a span; with no listener an Add is a flag check.
/// </summary>
public sealed class GrainMetrics
{
    private static readonly int Types = Enum.GetValues<MessageType>().Length;

    private readonly Counter<long> _decisions;
    private readonly Counter<long> _shadowDenials;
    private readonly Counter<long> _grants;
    private readonly UpDownCounter<long> _windows;
    private readonly Counter<long> _links;
    private readonly Counter<long> _billable;
    private readonly Counter<long> _verdicts;
    private readonly KeyValuePair<string, object?>[][] _billableTags =
        [.. Enumerable.Range(0, 8).Select(c => new KeyValuePair<string, object?>[] { new("category", c is >= 1 and <= 5 ? SnakeCase.Of((Domain.Pricing.PricingCategory)c) : "none") })];
    private readonly KeyValuePair<string, object?>[][] _verdictTags =
        [.. Enum.GetValues<Domain.Verdicts.VerdictEffect>().Select(e => new KeyValuePair<string, object?>[] { new("effect", SnakeCase.Of(e)) })];
    private readonly Histogram<double> _reminderLag;
    private readonly KeyValuePair<string, object?>[][] _decisionTags;
    private readonly KeyValuePair<string, object?>[][] _shadowTags;
    private readonly KeyValuePair<string, object?>[][] _grantTags;
    private readonly KeyValuePair<string, object?>[][] _reminderTags;
    private readonly KeyValuePair<string, object?>[][] _linkTags =
        [.. Enum.GetValues<LinkEvent>().Select(e => new KeyValuePair<string, object?>[] { new("event", SnakeCase.Of(e)) })];

    public GrainMetrics(IMeterFactory? meters = null)
    {
        var meter = meters?.Create(TelemetryNames.Meter) ?? new Meter(TelemetryNames.Meter);
        _decisions = meter.CreateCounter<long>("waba.permit.decisions", "{decision}",
            "Permits answered by the number grains (replays included), by allowed, reason and message type.");
        _shadowDenials = meter.CreateCounter<long>("waba.permit.shadow_denials", "{decision}",
            "Denials answered allowed because the tenant's gate runs in shadow (WabaActors:Enforcement), by reason and message type.");
        _grants = meter.CreateCounter<long>("waba.template.grants", "{grant}",
            "Template-recipient checks by the quota grains: a new recipient counted, one already counted, or the limit reached.");
        _links = meter.CreateCounter<long>("waba.customer.links", "{event}",
            "Links between a customer's ids (phone, BSUID): taught by a number to its scope's directory, looked up by a number, learned (written) by a directory.");
        _billable = meter.CreateCounter<long>("waba.permit.billable", "{send}",
            "New grants Meta will bill, by pricing category (service, marketing, utility, authentication, unknown): the spend an operator can see.");
        _verdicts = meter.CreateCounter<long>("waba.customer.verdicts", "{verdict}",
            "Meta's verdicts on earlier sends that changed what the gate allows (131049, 131050, user_preferences), by effect.");
        _windows = meter.CreateUpDownCounter<long>("waba.windows.active", "{window}",
            "Customer-service windows held by active number grains (an expired one leaves at its grain's next call or deactivation).");
        _reminderLag = meter.CreateHistogram("waba.reminder.lag", "s",
            "How late a review-deadline reminder raised its review overdue: now minus the due instant, on the rules' clock.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600] });

        var reasons = Enum.GetValues<DenyReason>();
        var types = Enum.GetValues<MessageType>();
        _decisionTags = new KeyValuePair<string, object?>[reasons.Length * Types][];
        foreach (var reason in reasons)
        {
            foreach (var type in types)
            {
                _decisionTags[((int)reason * Types) + (int)type] =
                [
                    new("allowed", reason == DenyReason.None),
                    new("reason", SnakeCase.Of(reason)),
                    new("type", SnakeCase.Of(type)),
                ];
            }
        }

        _shadowTags = new KeyValuePair<string, object?>[reasons.Length * Types][];
        foreach (var reason in reasons)
        {
            foreach (var type in types)
            {
                _shadowTags[((int)reason * Types) + (int)type] = [new("reason", SnakeCase.Of(reason)), new("type", SnakeCase.Of(type))];
            }
        }

        _grantTags = [.. Enum.GetValues<GrantOutcome>().Select(o => new KeyValuePair<string, object?>[] { new("outcome", SnakeCase.Of(o)) })];
        _reminderTags = [.. Enum.GetValues<DeadlineReminder>().Select(r => new KeyValuePair<string, object?>[] { new("reminder", SnakeCase.Of(r)) })];
    }

    /// <summary>One permit answered: allowed (reason <c>none</c>) or denied with its reason.</summary>
    public void Decided(DenyReason reason, MessageType type) =>
        _decisions.Add(1, _decisionTags[((int)reason * Types) + (int)type]);

    /// <summary>A denial answered allowed in shadow mode (its answer is counted by <see cref="Decided"/> as allowed).</summary>
    public void ShadowDenied(DenyReason reason, MessageType type) =>
        _shadowDenials.Add(1, _shadowTags[((int)reason * Types) + (int)type]);

    public void Counted(GrantOutcome outcome) => _grants.Add(1, _grantTags[(int)outcome]);

    /// <summary>A link taught, looked up or learned (<c>event</c> tag: <see cref="LinkEvent"/> in snake case).</summary>
    public void Linked(LinkEvent linkEvent) => _links.Add(1, _linkTags[(int)linkEvent]);

    /// <summary>A new grant priced: counted when Meta will bill it.</summary>
    public void Priced(Domain.Pricing.Price price)
    {
        if (price.Billable)
        {
            _billable.Add(1, _billableTags[(int)price.Category]);
        }
    }

    /// <summary>A verdict that changed a customer's marketing (<c>effect</c> tag).</summary>
    public void Verdict(Domain.Verdicts.VerdictEffect effect) => _verdicts.Add(1, _verdictTags[(int)effect]);

    /// <summary>Windows held in memory went up or down by <paramref name="delta"/>.</summary>
    public void WindowsHeld(long delta) => _windows.Add(delta);

    public void ReminderLate(DeadlineReminder reminder, TimeSpan lag) =>
        _reminderLag.Record(lag.TotalSeconds, _reminderTags[(int)reminder]);
}
