using WabaActors.Domain.Common;
using WabaActors.Domain.Events;

namespace WabaActors.Domain.Onboarding;

/// <summary>What 360dialog, the partner, reports about the account's channels (ADR 0011).</summary>
public sealed partial record Account
{
    /// <summary>
    /// A partner notice is always one history entry of its type (the number and label it names);
    /// <c>billing_started_at</c> adds a <c>channel_billing_started</c> entry (billing itself is the
    /// number's and is not rewritten). Restrictions and a ban state it carries take Meta's paths
    /// (<see cref="ApplyRestrictions"/>, <see cref="ApplyBanState"/>) with their own entries; a value
    /// those refuse refuses the whole notice.
    /// </summary>
    public Result<Changed<Account>> ApplyPartnerNotice(PartnerNotice notice, DateTimeOffset now)
    {
        if (!PartnerNotice.IsKnown(notice.Type))
        {
            return DomainError.Invalid("event", $"event must be one of {string.Join(", ", PartnerNotice.Types)}.");
        }

        var events = new List<AccountEvent> { new(notice.Type, now) { Phone = notice.Phone, Value = PartnerNotice.CleanLabel(notice.Label) } };
        if (notice.BillingStartedAt is { } billing)
        {
            events.Add(new AccountEvent(AccountEventTypes.ChannelBillingStarted, now)
            {
                Phone = notice.Phone,
                Value = billing.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        var state = this;
        if (notice.Restrictions.Count > 0)
        {
            var restricted = state.ApplyRestrictions(notice.Restrictions, now);
            if (!restricted.IsSuccess)
            {
                return restricted.Error!;
            }

            state = restricted.Value.State;
            events.AddRange(restricted.Value.Events);
        }

        if (notice.BanState is not null)
        {
            var banned = state.ApplyBanState(notice.BanState, now);
            if (!banned.IsSuccess)
            {
                return banned.Error!;
            }

            state = banned.Value.State;
            events.AddRange(banned.Value.Events);
        }

        return new Changed<Account>(state, events);
    }
}
