using WabaActors.Grains.Quota;
using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Numbers;
using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;

namespace WabaActors.Grains.Translation;

/// <summary>Domain account → the account view of the HTTP contract.</summary>
internal static class AccountViews
{
    public static AccountView ToView(this Account a, WabaRules rules, RecipientLimitView recipients, IReadOnlyList<NumberView> numbers, DateTimeOffset now) => new(
        a.Tenant,
        a.Waba,
        a.Name,
        SnakeCase.Of(a.Status),
        new OnboardingView((int)a.CurrentStep, [.. Enum.GetValues<OnboardingStep>().Select(s => new StepView((int)s, SnakeCase.Of(a.StepStatus(s)), CompletedAt(a, s)))]),
        a.CommerceReview.ToView(now),
        new BusinessVerificationView(SnakeCase.Of(a.BusinessVerification)),
        new LimitsView(new LimitView(a.NumbersCounted(rules), a.NumberLimit(rules)), recipients),
        numbers)
    {
        Holds = [.. a.Holds(rules, now).Select(h => new HoldView(SnakeCase.Of(h.Reason), h.Since, h.Until))],
    };

    public static ReviewView ToView(this Review? r, DateTimeOffset now) => r is null
        ? new ReviewView(null, null, null, false, null)
        : new ReviewView(SnakeCase.Of(r.Status), r.RequestedAt, r.DueAt, r.IsOverdue(now), r.DecidedAt) { Reason = r.Reason };

    public static AccountGate ToGate(this Account a, WabaRules rules, long version)
    {
        var gate = a.Gate(rules);
        return new AccountGate(gate.Status.ToContract(), gate.Disabled, gate.HeldForReview,
            gate.Restrictions.BusinessInitiatedUntil, gate.Restrictions.CustomerInitiatedUntil,
            QuotaKeys.For(a, rules), a.TemplateRecipientLimit(rules), version)
        {
            Templates = a.Templates.Count == 0 ? [] : [.. a.Templates.Select(t => t.ToView(t.UpdatedAt))],
            ThroughputUpgraded = a.ThroughputUpgraded,
        };
    }

    /// <summary>The gate as the number <paramref name="phone"/> decides with it: its templates as a book, and whether it was upgraded.</summary>
    /// <remarks><paramref name="templates"/>, when given, is the book already built from these templates.</remarks>
    public static SendGate ToDomain(this AccountGate g, string? phone = null, Domain.Templates.TemplateBook? templates = null) => new(
        g.Status.ToDomain(),
        g.Disabled,
        g.HeldForReview,
        new Restrictions { BusinessInitiatedUntil = g.BusinessInitiatedUntil, CustomerInitiatedUntil = g.CustomerInitiatedUntil })
    {
        Templates = templates ?? (g.Templates.Count == 0 ? Domain.Templates.TemplateBook.Empty : new Domain.Templates.TemplateBook(g.Templates.Select(t => t.ToDomain()))),
        ThroughputUpgraded = phone is not null && g.ThroughputUpgraded.Contains(phone),
    };

    public static HistoryEntry ToEntry(this AccountEvent e) => new(e.Type, e.At) { Phone = e.Phone, Value = e.Value, Reason = e.Reason };

    public static AccountEvent ToDomain(this HistoryEntry e) => new(e.Type, e.At) { Phone = e.Phone, Value = e.Value, Reason = e.Reason };

    private static DateTimeOffset? CompletedAt(Account a, OnboardingStep step) => step switch
    {
        OnboardingStep.UserAccount => a.EmailConfirmedAt,
        OnboardingStep.BusinessManager => a.BusinessManagerSubmittedAt,
        OnboardingStep.CompanyProfile => a.CompanyProfileSubmittedAt,
        OnboardingStep.PhoneNumbers => a.Numbers.Min(n => n.RegisteredAt),
        _ => null,
    };
}
