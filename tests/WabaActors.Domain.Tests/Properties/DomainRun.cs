using Microsoft.Extensions.Time.Testing;
using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.MessagingSupport;

namespace WabaActors.Domain.Tests.Properties;

/// <summary>
/// Runs commands through one <see cref="SendDesk"/> of a live account, answering in the
/// <see cref="Answer"/> format and keeping every delta it emitted, in order.
/// </summary>
public sealed class DomainRun
{
    private readonly FakeTimeProvider _clock = new(Script.Start);
    private readonly Account _account;

    public DomainRun(int limit)
    {
        Rules = WabaRules.Document with { TemplateRecipientLimit = limit };
        Desk = new SendDesk(Rules);
        _account = MessagingAccounts.Live(Rules, Script.Start);
    }

    public WabaRules Rules { get; }
    public SendDesk Desk { get; }
    public int Limit => Rules.TemplateRecipientLimit;
    public DateTimeOffset Now => _clock.GetUtcNow();
    public List<WindowChange> WindowChanges { get; } = [];
    public List<RecipientCounted> Counted { get; } = [];
    public List<PermitGranted> Grants { get; } = [];

    /// <summary>Every permit requested so far, as (message id, customer, type).</summary>
    public List<(MessageId Id, CustomerId Customer, MessageType Type)> Requested { get; } = [];

    public string Execute(Command command)
    {
        _clock.SetUtcNow(command.Now);
        var customer = new CustomerId(command.Customer);
        switch (command)
        {
            case Command.Inbound inbound:
                var recorded = Desk.Windows.RecordInbound(customer, inbound.Timestamp, Now);
                if (!recorded.IsSuccess)
                {
                    return Answer.Refused(recorded.Error!.Code);
                }

                Keep(recorded.Value);
                return Answer.Accepted;

            case Command.Close close:
                Keep(Desk.Windows.Close(customer, close.At, Now));
                return Answer.Accepted;

            case Command.Permit permit:
                var id = MessageId.Parse(permit.MessageId).Value;
                var type = permit.Template ? MessageType.Template : MessageType.Session;
                Requested.Add((id, customer, type));
                var result = Desk.Request(_account, true, id, customer, type, Now);
                if (!result.IsSuccess)
                {
                    return Answer.Refused(result.Error!.Code);
                }

                if (result.Value.Counted is { } counted)
                {
                    Counted.Add(counted);
                }

                if (result.Value.Granted is { } granted)
                {
                    Grants.Add(granted);
                }

                return Format(result.Value.Decision);

            default:
                throw new ArgumentOutOfRangeException(nameof(command));
        }
    }

    public static string Format(SendDecision d) => Answer.Decision(
        d.Allowed, d.Reason.ToString(), d.RetryAt, d.WindowExpiresAt, d.TemplateRecipients?.Used, d.TemplateRecipients?.Limit);

    private void Keep(WindowChange? change)
    {
        if (change is { } c)
        {
            WindowChanges.Add(c);
        }
    }
}
