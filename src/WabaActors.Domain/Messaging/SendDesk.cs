using WabaActors.Domain.Common;
using WabaActors.Domain.Identity;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;

namespace WabaActors.Domain.Messaging;

/// <summary>
/// The whole send decision for one number of an account, idempotent per message id: replay a
/// grant, else check account, number and type (<see cref="SendRules"/>), then record the grant.
/// The grains split these parts between the number and the account; this composition is the
/// reference they must agree with.
/// </summary>
public sealed class SendDesk(WabaRules rules)
{
    public CustomerWindows Windows { get; } = new(rules.ServiceWindow, rules.FutureTimestampTolerance);
    public TemplateRecipients Recipients { get; } = new(rules.TemplateRecipientPeriod);
    public PermitLedger Ledger { get; } = new(rules.GrantRetention);

    public Result<PermitOutcome> Request(
        Account account, bool numberRegistered, MessageId id, CustomerId customer, MessageType type, DateTimeOffset now)
    {
        var replay = Ledger.Replay(id, customer, type, now);
        if (!replay.IsSuccess)
        {
            return replay.Error!;
        }

        if (replay.Value is { } original)
        {
            return new PermitOutcome(original, null, null) { IsReplay = true };
        }

        if ((SendRules.CheckGate(account.Gate(rules)) ?? SendRules.CheckNumber(numberRegistered)) is { } denied)
        {
            return new PermitOutcome(denied, null, null);
        }

        var window = Windows.Get(customer, now);
        var (decision, counted) = type == MessageType.Session
            ? (SendRules.DecideSession(window, account.Restrictions, now), null)
            : SendRules.DecideTemplate(window, account.Restrictions, Recipients, customer, account.TemplateRecipientLimit(rules), now);
        var granted = decision.Allowed ? Ledger.Record(id, customer, type, decision, now) : null;
        return new PermitOutcome(decision, counted, granted);
    }
}
