using WabaActors.Domain.Common;
using WabaActors.Domain.Events;

namespace WabaActors.Domain.Onboarding;

/// <summary>Meta's account_update events that disconnect or reconnect the WABA, and its violation warnings.</summary>
public sealed partial record Account
{
    /// <summary>
    /// ACCOUNT_DELETED, PARTNER_REMOVED, PARTNER_APP_UNINSTALLED, ACCOUNT_OFFBOARDED disconnect the
    /// account (every send denied <c>account_disconnected</c>); ACCOUNT_RECONNECTED, PARTNER_ADDED,
    /// PARTNER_APP_INSTALLED end a disconnection (and change nothing on a connected account);
    /// ACCOUNT_VIOLATION is a history entry carrying the violation type. A repeat changes nothing.
    /// </summary>
    public Changed<Account> ApplyAccountEvent(MetaAccountEvent e, string? detail, DateTimeOffset now)
    {
        if (e == MetaAccountEvent.AccountViolation)
        {
            return new Changed<Account>(this,
                [new AccountEvent(AccountEventTypes.AccountViolation, now) { Value = detail is null ? null : Text.Clean(detail, 128) }]);
        }

        if (e.Disconnects())
        {
            return Disconnected is not null
                ? Changed<Account>.Unchanged(this)
                : new Changed<Account>(this with { Disconnected = new Disconnection(e, now) },
                    [new AccountEvent(AccountEventTypes.AccountDisconnected, now) { Value = SnakeCase.Of(e) }]);
        }

        return Disconnected is null
            ? Changed<Account>.Unchanged(this)
            : new Changed<Account>(this with { Disconnected = null },
                [new AccountEvent(AccountEventTypes.AccountReconnected, now) { Value = SnakeCase.Of(e) }]);
    }
}
