using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.MessagingSupport;

namespace WabaActors.Domain.Tests.Properties;

/// <summary>
/// Runs commands through one number and its template quota (<see cref="NumberAndQuota"/>, composed as
/// the number grain composes them) of a live account whose review is approved, answering in the
/// <see cref="Answer"/> format; the deltas both sides emitted are kept, in order, on <see cref="Number"/>.
/// </summary>
public sealed class DomainRun
{
    public DomainRun(Scenario scenario)
    {
        var rules = (scenario.Meta ? WabaRules.Meta : WabaRules.Document) with { TemplateRecipientLimit = scenario.Limit };
        Number = new NumberAndQuota(rules, (r, now) => MessagingAccounts.Reviewed(MessagingAccounts.Live(r, now), ReviewDecision.Approved, now));
        Assert.Equal(Script.Start, Number.Now);
        Assert.Equal(scenario.Limit, Number.Limit);
    }

    private DomainRun(NumberAndQuota number, List<(MessageId Id, CustomerIdentity Customer, MessageType Type)> requested)
    {
        Number = number;
        Requested.AddRange(requested);
    }

    public NumberAndQuota Number { get; }
    public int Limit => Number.Limit;
    public DateTimeOffset Now => Number.Now;

    /// <summary>The recipients the quota counted, as its grants say (<see cref="TemplateQuota.Apply"/>).</summary>
    public IEnumerable<RecipientCounted> Counted => Number.QuotaGrants.Select(g => new RecipientCounted(g.Customer, g.GrantedAtTicks));

    /// <summary>Every permit requested so far, as (message id, customer, type).</summary>
    public List<(MessageId Id, CustomerIdentity Customer, MessageType Type)> Requested { get; } = [];

    /// <summary>A run on another number of the same account, sharing this run's quota and clock.</summary>
    public DomainRun AnotherNumber() => new(Number.AnotherNumber(), []);

    /// <summary>
    /// A run on a number and quota rebuilt from this run's deltas (<see cref="NumberAndQuota.Rebuilt"/>), with the
    /// session grants the live number holds in memory: the deltas must rebuild everything else.
    /// </summary>
    public DomainRun Rebuilt() => new(Number.Rebuilt(keepSessions: true), Requested);

    public string Execute(Command command)
    {
        Number.Time.SetUtcNow(command.Now);
        var customer = new CustomerId(command.Customer);
        switch (command)
        {
            case Command.Inbound inbound:
                var recorded = Number.Permits.Windows.RecordInbound(customer, inbound.Timestamp, Now);
                if (!recorded.IsSuccess)
                {
                    return Answer.Refused(recorded.Error!.Code);
                }

                if (recorded.Value is { } change)
                {
                    Number.WindowChanges.Add(change);
                }

                return Answer.Accepted;

            case Command.Close close:
                Number.Close(customer, close.At);
                return Answer.Accepted;

            case Command.Permit permit:
                var ask = new PermitAsk(MessageId.Parse(permit.MessageId).Value, customer, permit.Template ? MessageType.Template : MessageType.Session);
                Requested.Add((ask.Id, ask.Customer, ask.Type));
                var answer = Number.Request(ask);
                return answer.Step.Decision is { } decision ? Format(decision) : Answer.Refused(answer.Step.Error!.Code);

            default:
                throw new ArgumentOutOfRangeException(nameof(command));
        }
    }

    public static string Format(SendDecision d) => Answer.Decision(
        d.Allowed, d.Reason.ToString(), d.RetryAt, d.WindowExpiresAt, d.TemplateRecipients?.Used, d.TemplateRecipients?.Limit);
}
