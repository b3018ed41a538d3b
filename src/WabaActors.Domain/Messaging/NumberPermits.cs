using WabaActors.Domain.Identity;
using WabaActors.Domain.Pacing;
using WabaActors.Domain.Pricing;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Templates;
using WabaActors.Domain.Verdicts;

namespace WabaActors.Domain.Messaging;

/// <summary>
/// The permit decision of one number: what the number knows (its customers' windows and the grants it
/// gave, by message id) and the account's <see cref="SendGate"/>. <see cref="Decide"/> answers every
/// permit it can alone; a template to a customer without an open window needs a recipient slot from the
/// template quota (<see cref="TemplateQuota"/>, held by another grain): the caller asks it and finishes
/// with <see cref="Complete"/>. The caller persists <see cref="PermitStep.Granted"/> before it answers.
/// Grains, tests and benchmarks all decide through these two methods (docs/adr/0019-one-permit-decision.md).
/// </summary>
public sealed class NumberPermits(WabaRules rules)
{
    public CustomerWindows Windows { get; } = new(rules.ServiceWindow, rules.FutureTimestampTolerance);

    public PermitLedger Ledger { get; } = new(rules.GrantRetention, rules.SessionReplayHorizon);

    /// <summary>
    /// The links this number knows: taught by its own traffic (a body or webhook naming one person by two
    /// ids) or answered by the scope's directory. A window opened under any id of a person is open under all.
    /// </summary>
    public CustomerLinks Links => _links ??= new(rules.LinkRetention);

    /// <summary>Customers who came through a free entry point, and those whose messages are free (pricing only).</summary>
    public FreeEntryPoints FreeEntries => _free ??= new();

    /// <summary>Meta's verdicts on this number's earlier sends (131049, 131050, user_preferences).</summary>
    public CustomerVerdicts Verdicts => _verdicts ??= new(rules.MarketingLimitHold, rules.OptOutRetention, rules.OutcomeRetention);

    /// <summary>The number's free service messages this month (pricing only).</summary>
    public ServiceAllowance Allowance { get; } = new();

    /// <summary>Billable sends of the last 24 h by category (the operator page's spend).</summary>
    public BillableTally Billable { get; } = new();

    /// <summary>The number's send rates (in memory only); null while pacing is off.</summary>
    public NumberPacing? Pacing => rules.Pacing.Enabled ? _pacing ??= new(rules.Pacing) : null;

    // Made at the first link, free entry point or verdict: a number that has none touches none of them on a
    // permit (on a silo of many numbers every object a permit touches is a likely cache miss).
    private CustomerLinks? _links;
    private FreeEntryPoints? _free;
    private CustomerVerdicts? _verdicts;
    private NumberPacing? _pacing;

    /// <summary>Applies a window change (a command's, or one replayed from storage): the window and any free entry point it carries.</summary>
    public void Apply(WindowChange change)
    {
        Windows.Apply(change);
        Entered(change);
    }

    /// <summary>A window change an inbound message made: a free entry point it carries marks the customer pending.</summary>
    public void Entered(WindowChange change)
    {
        if (change.EntryPoint != EntryPoint.None)
        {
            FreeEntries.Apply(change, rules.ServiceWindow);
        }
    }

    /// <summary>Applies a persisted grant on activation: the ledger's replay and any free period it started.</summary>
    /// <remarks>A billable grant of the 24 h before <paramref name="now"/> (default: the grant's own instant) is tallied.</remarks>
    public void Apply(PermitGranted grant, DateTimeOffset? now = null)
    {
        Ledger.Apply(grant);
        if (Price.FromCode(grant.PriceCode) is { } price)
        {
            var at = new DateTimeOffset(grant.GrantedAtTicks, TimeSpan.Zero);
            Billable.Add(price, at, now ?? at);
        }

        if (grant.FreeUntilTicks is not null)
        {
            FreeEntries.Apply(grant);
        }
    }

    /// <summary>The window of the asked customer, looked up under every id of the person this number knows.</summary>
    public WindowState Window(CustomerIdentity customer, DateTimeOffset now) =>
        Windows.Get(customer, Aliases(customer, now), now);

    /// <summary>The other ids of <paramref name="customer"/>'s person this number knows; empty (and nothing made) while it knows no link.</summary>
    public CustomerIdentity[] Aliases(CustomerIdentity customer, DateTimeOffset now) =>
        _links is { } links ? links.Aliases(customer, now) : [];

    /// <summary>
    /// The permit, in the order the checks apply: a replay of an earlier grant (or a refusal when the id
    /// was used for another customer or type), the account's gate, the number, the named template's status,
    /// then the message type: the window, Meta's verdicts on the customer (marketing), restrictions, and the
    /// send rates. An allowed decision carries its price.
    /// </summary>
    public PermitStep Decide(SendGate gate, bool numberRegistered, PermitAsk ask, DateTimeOffset now)
    {
        var replay = Ledger.Replay(ask.Id, ask.Customer, ask.Type, now);
        if (!replay.IsSuccess)
        {
            return PermitStep.Refuse(replay.Error!);
        }

        if (replay.Value is { } original)
        {
            return PermitStep.Replay(original);
        }

        if ((SendRules.CheckGate(gate) ?? SendRules.CheckNumber(numberRegistered)) is { } denied)
        {
            return PermitStep.Decide(denied);
        }

        var category = ask.Category;
        if (ask.Type == MessageType.Template && ask.Template is not null)
        {
            if (gate.Templates.Check(ask.Template, rules.RequireKnownTemplates, now, out var registered) is { } template)
            {
                return PermitStep.Decide(template);
            }

            category = registered ?? category;
        }

        var aliases = Aliases(ask.Customer, now);
        var window = Windows.Get(ask.Customer, aliases, now);
        if (ask.Type == MessageType.Session)
        {
            return SendRules.CheckSession(window, gate.Restrictions, now) is { } closed
                ? PermitStep.Decide(closed)
                : Granting(gate, ask, window.ExpiresAt, null, category, aliases, now);
        }

        if (_verdicts?.Check(ask.Customer, aliases, category, window.Open, now) is { } verdict)
        {
            return PermitStep.Decide(verdict);
        }

        if (window.Open)
        {
            // A template inside the window is a reply: it counts nothing, so the quota is not asked.
            return Granting(gate, ask, window.ExpiresAt, null, category, aliases, now);
        }

        // Denied before the quota counts a recipient for a send the rates would refuse (checked again on the grant).
        return (SendRules.CheckBusinessInitiated(gate.Restrictions, now) ?? Pacing?.Check(ask.Customer, aliases, gate.ThroughputUpgraded, now)) is { } refused
            ? PermitStep.Decide(refused)
            : PermitStep.AskQuota(aliases);
    }

    /// <summary>
    /// Finishes a template that needed the quota, with the quota's answer. When the quota's directory knows
    /// more ids of the person (<see cref="PermitStepKind.NeedsAliases"/>), the caller learns them
    /// (<see cref="Learn"/>) and decides again: their windows may be open, and the next ask names them.
    /// </summary>
    /// <remarks><paramref name="gate"/> is the gate <see cref="Decide"/> used (its registry prices the template); null: the request's category.</remarks>
    public PermitStep Complete(PermitAsk ask, QuotaAnswer answer, DateTimeOffset now, SendGate? gate = null) => answer.Outcome switch
    {
        GrantOutcome.MessageIdReused => PermitStep.Refuse(PermitLedger.IdReused),
        GrantOutcome.LimitReached => PermitStep.Decide(SendRules.RecipientLimitReached(answer.Usage)),
        GrantOutcome.Resolve => PermitStep.Resolve(answer.Aliases),
        _ => Granting(gate, ask, null, answer.Usage with { NextSlotAt = null }, CategoryOf(gate, ask), null, now),
    };

    private static TemplateCategory? CategoryOf(SendGate? gate, PermitAsk ask) =>
        ask.Template is { } name && gate?.Templates.Find(name)?.Category is { } registered ? registered : ask.Category;

    /// <summary>Learns ids the scope's directory links to <paramref name="customer"/> (a cache of the directory: nothing to persist here).</summary>
    public void Learn(CustomerIdentity customer, IEnumerable<CustomerIdentity> aliases, DateTimeOffset now)
    {
        foreach (var alias in aliases)
        {
            Links.Link(customer, alias, now);
        }
    }

    /// <summary>
    /// An allowed decision becomes a grant: the send rates are checked again and taken in the same step (no
    /// await between, so concurrent permits never exceed them), then the send is priced and recorded. The pair
    /// rate is the person's: <paramref name="aliases"/> (null: looked up) are its other ids the number knows.
    /// <para>
    /// A template grant is returned to be persisted. A session grant is a read: it changes no limit, so it is
    /// kept for replay in memory only (<see cref="WabaRules.SessionReplayHorizon"/>) and nothing is persisted —
    /// unless it started a free period, which pricing must remember across a restart.
    /// </para>
    /// </summary>
    private PermitStep Granting(SendGate? gate, PermitAsk ask, DateTimeOffset? windowExpiresAt, RecipientUsage? usage, TemplateCategory? category, CustomerIdentity[]? aliases, DateTimeOffset now)
    {
        var upgraded = gate?.ThroughputUpgraded ?? false;
        if (Pacing is { } pacing)
        {
            aliases ??= Aliases(ask.Customer, now);
            if (pacing.Check(ask.Customer, aliases, upgraded, now) is { } paced)
            {
                return PermitStep.Decide(paced);
            }

            pacing.Take(ask.Customer, aliases, upgraded, now);
        }

        var started = false;
        var freeUntil = _free?.Answer(ask.Customer, now, out started);
        var price = rules.Pricing.Price(ask.Type, category, windowExpiresAt is not null, freeUntil is not null, Allowance, now);
        var decision = SendDecision.Allow(windowExpiresAt, usage, price);
        Billable.Add(price, now, now);
        var granted = Ledger.Record(ask.Id, ask.Customer, ask.Type, decision, now);
        if (ask.Type == MessageType.Session && !started)
        {
            return PermitStep.Grant(decision, null);
        }

        return PermitStep.Grant(decision, freeUntil is { } until ? granted with { FreeUntilTicks = until.UtcTicks } : granted);
    }
}
