using Microsoft.Extensions.Time.Testing;
using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;

namespace WabaActors.Domain.Tests.MessagingSupport;

/// <summary>
/// One number's <see cref="NumberPermits"/> and its account's <see cref="TemplateQuota"/>, with the
/// account and a fake clock: <see cref="Request(PermitAsk)"/> composes them exactly as the number grain
/// does, and every delta each side emits is kept, in order, as the grains persist it.
/// </summary>
public sealed class NumberAndQuota
{
    public NumberAndQuota(WabaRules? rules = null, Func<WabaRules, DateTimeOffset, Account>? account = null)
    {
        Rules = rules ?? WabaRules.Document;
        Time = Clock.New();
        Permits = new NumberPermits(Rules);
        Quota = new TemplateQuota(Rules);
        QuotaGrants = [];
        Account = (account ?? MessagingAccounts.Live)(Rules, Now);
    }

    private NumberAndQuota(WabaRules rules, FakeTimeProvider time, TemplateQuota quota, List<PermitGranted> quotaGrants, Account account)
    {
        Rules = rules;
        Time = time;
        Permits = new NumberPermits(rules);
        Quota = quota;
        QuotaGrants = quotaGrants;
        Account = account;
    }

    public WabaRules Rules { get; }
    public FakeTimeProvider Time { get; }
    public NumberPermits Permits { get; }
    public TemplateQuota Quota { get; }
    public Account Account { get; set; }
    public bool NumberRegistered { get; set; } = true;

    /// <summary>The number's window changes (inbound messages, 131047 closes).</summary>
    public List<WindowChange> WindowChanges { get; } = [];

    /// <summary>The number's grants (<see cref="PermitStep.Granted"/>).</summary>
    public List<PermitGranted> NumberGrants { get; } = [];

    /// <summary>The quota's grants (<see cref="QuotaAnswer.Granted"/>), shared by every number of the quota.</summary>
    public List<PermitGranted> QuotaGrants { get; }

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>The limit the number grain asks the quota with.</summary>
    public int Limit => Account.TemplateRecipientLimit(Rules);

    public RecipientUsage Usage => Quota.Usage(Limit, Now);

    public void Advance(TimeSpan by) => Time.Advance(by);

    public PermitAnswer Request(string messageId, CustomerIdentity customer, MessageType type) =>
        Request(new PermitAsk(Customers.Message(messageId), customer, type));

    /// <summary>As the number grain: decide; when the quota is needed, ask it and complete; keep what each persists.</summary>
    public PermitAnswer Request(PermitAsk ask)
    {
        var now = Now;
        var step = Permits.Decide(Account.Gate(Rules), NumberRegistered, ask, now);
        if (step.Decision is { Allowed: false, Reason: DenyReason.CustomerServiceWindowClosed })
        {
            // Closed under every id the number knows: it asks the directory (the grain does, once a minute).
            Permits.Learn(ask.Customer, Quota.Links.Aliases(ask.Customer, now), now);
            step = Permits.Decide(Account.Gate(Rules), NumberRegistered, ask, now);
        }

        QuotaAnswer? answer = null;
        for (var settle = false; step.Kind == PermitStepKind.NeedsQuota; settle = true)
        {
            var granted = Quota.Grant(ask.Id, ask.Customer, [.. step.Aliases], Limit, now, settle);
            Keep(QuotaGrants, granted.Granted);
            step = Permits.Complete(ask, granted, now);
            answer = granted;
            if (step.Kind == PermitStepKind.NeedsAliases)
            {
                Permits.Learn(ask.Customer, step.Aliases, now);
                step = Permits.Decide(Account.Gate(Rules), NumberRegistered, ask, now);
            }
        }

        Keep(NumberGrants, step.Granted);
        if (step is { IsNewGrant: true, Granted: null })
        {
            // A session read: held in the ledger's memory for the replay horizon, never persisted.
            SessionGrants.Add(PermitGranted.From(ask.Id.Value, ask.Customer, ask.Type, step.Decision!, now));
        }

        return new PermitAnswer(step, answer);
    }

    /// <summary>A request expected to be decided (allowed or denied, new or replayed), not refused.</summary>
    public PermitAnswer Decide(string messageId, CustomerIdentity customer, MessageType type)
    {
        var answer = Request(messageId, customer, type);
        Assert.True(answer.Step.Kind != PermitStepKind.Refused, $"expected a decision, got {answer.Step.Error?.Code}");
        return answer;
    }

    /// <summary>A customer's message with timestamp <c>now + offset</c>, expected to be accepted.</summary>
    public WindowChange? Inbound(CustomerIdentity customer, TimeSpan offset = default)
    {
        var result = Permits.Windows.RecordInbound(customer, Now + offset, Now);
        Assert.True(result.IsSuccess, $"inbound refused: {result.Error?.Code}");
        Keep(WindowChanges, result.Value);
        return result.Value;
    }

    /// <summary>Meta's 131047 for the customer, as of <paramref name="at"/>.</summary>
    public WindowChange? Close(CustomerIdentity customer, DateTimeOffset at)
    {
        var change = Permits.Windows.Close(customer, at, Now);
        Keep(WindowChanges, change);
        return change;
    }

    /// <summary>
    /// Two ids of one person seen on this number, as the number grain does it: cached here and taught to the
    /// quota's directory (durable there).
    /// </summary>
    public void Link(CustomerIdentity customer, CustomerIdentity partner)
    {
        if (Permits.Links.Link(customer, partner, Now) is not null)
        {
            Quota.Links.Link(customer, partner, Now);
        }
    }

    /// <summary>Another number of the same account: its own windows and grants, the same quota and clock.</summary>
    public NumberAndQuota AnotherNumber() => new(Rules, Time, Quota, QuotaGrants, Account);

    /// <summary>The session grants the number holds in memory only (not persisted: <see cref="NumberGrants"/> has none of them).</summary>
    public List<PermitGranted> SessionGrants { get; } = [];

    /// <summary>
    /// A fresh number and quota, at this instant, loaded from the deltas kept so far, as the grains load
    /// them on activation: window changes and number grants into the permits, quota grants into the quota.
    /// With <paramref name="keepSessions"/>, the session grants held in memory too (as if the same activation
    /// went on): a real reload loses them, and a retry is then decided afresh.
    /// </summary>
    public NumberAndQuota Rebuilt(bool keepSessions = false)
    {
        var quota = new TemplateQuota(Rules);
        QuotaGrants.ForEach(quota.Apply);
        var rebuilt = new NumberAndQuota(Rules, new FakeTimeProvider(Now), quota, [.. QuotaGrants], Account) { NumberRegistered = NumberRegistered };
        WindowChanges.ForEach(rebuilt.Permits.Windows.Apply);
        NumberGrants.ForEach(rebuilt.Permits.Ledger.Apply);
        rebuilt.WindowChanges.AddRange(WindowChanges);
        rebuilt.NumberGrants.AddRange(NumberGrants);
        if (keepSessions)
        {
            SessionGrants.ForEach(rebuilt.Permits.Ledger.Apply);
            rebuilt.SessionGrants.AddRange(SessionGrants);
        }

        return rebuilt;
    }

    private static void Keep<T>(List<T> deltas, T? delta)
        where T : class
    {
        if (delta is not null)
        {
            deltas.Add(delta);
        }
    }

    private static void Keep(List<WindowChange> deltas, WindowChange? delta)
    {
        if (delta is { } change)
        {
            deltas.Add(change);
        }
    }
}
