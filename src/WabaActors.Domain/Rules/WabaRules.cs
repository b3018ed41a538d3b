using WabaActors.Domain.Pacing;
using WabaActors.Domain.Pricing;

namespace WabaActors.Domain.Rules;

/// <summary>
/// Every figure the rules use. <see cref="Document"/> holds the source document's figures (the
/// defaults); <see cref="Meta"/> holds Meta's current ones (Meta's published rules; docs/meta-webhooks.md, docs/portfolios.md).
/// Each knob can be changed alone with <c>with</c> or through <see cref="RulesOptions"/>.
/// </summary>
public sealed record WabaRules
{
    /// <summary>The source document's rules: the service's defaults.</summary>
    public static WabaRules Document { get; } = new();

    /// <summary>Meta's rules today: 250 recipients shared by the portfolio, no sends while the review is pending.</summary>
    public static WabaRules Meta { get; } = new()
    {
        TemplateRecipientLimit = 250,
        VerifiedTemplateRecipientLimit = 2_000,
        TemplateRecipientScope = QuotaScope.Portfolio,
        NumberLimitScope = QuotaScope.Portfolio,
        SendsAllowedWhileReviewPending = false,
        Pacing = PacingRules.Meta,
    };

    /// <summary>How long a customer's message keeps the customer-service window open.</summary>
    public TimeSpan ServiceWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How far in the future an inbound message's timestamp may lie (clock skew).</summary>
    public TimeSpan FutureTimestampTolerance { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The rolling period over which unique template recipients are counted.</summary>
    public TimeSpan TemplateRecipientPeriod { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Unique template recipients per period before business verification.</summary>
    public int TemplateRecipientLimit { get; init; } = 50;

    /// <summary>Unique template recipients per period once business verification is verified.</summary>
    public int VerifiedTemplateRecipientLimit { get; init; } = 1_000;

    public QuotaScope TemplateRecipientScope { get; init; } = QuotaScope.Account;

    /// <summary>Phone numbers before business verification.</summary>
    public int NumberLimit { get; init; } = 2;

    /// <summary>Phone numbers once business verification is verified.</summary>
    public int VerifiedNumberLimit { get; init; } = 20;

    public QuotaScope NumberLimitScope { get; init; } = QuotaScope.Account;

    /// <summary>Digits in a verification code.</summary>
    public int CodeLength { get; init; } = 6;

    /// <summary>How long a verification code is valid.</summary>
    public TimeSpan CodeTtl { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Wrong tries before a code is locked until a new one is sent.</summary>
    public int MaxCodeAttempts { get; init; } = 5;

    /// <summary>Minimum time between two codes sent to one number.</summary>
    public TimeSpan CodeResendCooldown { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>When a pending commerce-policy review is due (then overdue).</summary>
    public TimeSpan CommerceReviewDue { get; init; } = TimeSpan.FromHours(48);

    /// <summary>When a pending display-name review is due (then overdue).</summary>
    public TimeSpan DisplayNameReviewDue { get; init; } = TimeSpan.FromHours(48);

    /// <summary>The document lets a live account send while its review is pending; Meta does not.</summary>
    public bool SendsAllowedWhileReviewPending { get; init; } = true;

    /// <summary>How long a template grant is kept for idempotent replay (it counted a recipient: a retry must not count again).</summary>
    public TimeSpan GrantRetention { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a session grant is kept for replay, in memory only: a session permit changes no limit, so it is a
    /// read (nothing durable is written for it) and a retry after this is decided afresh. At most <see cref="GrantRetention"/>.
    /// </summary>
    public TimeSpan SessionReplayHorizon { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a link between a person's ids (a phone and a BSUID) is kept after it was last taught: it
    /// must cover the window and the recipient period, the state a link joins. A forgotten link only makes
    /// the two ids two recipients again (over-counting, never under-counting).
    /// </summary>
    public TimeSpan LinkRetention { get; init; } = TimeSpan.FromHours(48);

    /// <summary>Meta's send rates (<c>WabaActors:Pacing</c>): off under the document's profile, on under Meta's.</summary>
    public PacingRules Pacing { get; init; } = PacingRules.Off;

    /// <summary>Whether a permit naming a template the registry does not hold is denied (<c>template_unknown</c>) rather than decided by the other rules.</summary>
    public bool RequireKnownTemplates { get; init; }

    /// <summary>Meta's prices by date (<c>WabaActors:Pricing:Schedule</c>); the same under both profiles.</summary>
    public PricingSchedule Pricing { get; init; } = PricingSchedule.Meta;

    /// <summary>How long a 131049 holds marketing templates to the customer (Meta: wait at least 24 h).</summary>
    public TimeSpan MarketingLimitHold { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How long a marketing stop is kept without a resume (a forgotten stop is learned again from Meta's next 131050).</summary>
    public TimeSpan OptOutRetention { get; init; } = TimeSpan.FromDays(365);

    /// <summary>How long a status's (message id, status) is remembered, and a resume kept: Meta redelivers webhooks for up to 7 days.</summary>
    public TimeSpan OutcomeRetention { get; init; } = TimeSpan.FromDays(7);

    /// <summary>The template-recipient limit for an account in the given verification state.</summary>
    public int TemplateLimitFor(bool businessVerified) =>
        businessVerified ? VerifiedTemplateRecipientLimit : TemplateRecipientLimit;

    /// <summary>The number limit for an account in the given verification state.</summary>
    public int NumberLimitFor(bool businessVerified) => businessVerified ? VerifiedNumberLimit : NumberLimit;

    /// <summary>Every broken invariant, named by knob; empty when the rules are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Positive(TimeSpan value, string name)
        {
            if (value <= TimeSpan.Zero)
            {
                errors.Add($"{name} must be positive.");
            }
        }

        Positive(ServiceWindow, nameof(ServiceWindow));
        Positive(TemplateRecipientPeriod, nameof(TemplateRecipientPeriod));
        Positive(CodeTtl, nameof(CodeTtl));
        Positive(CommerceReviewDue, nameof(CommerceReviewDue));
        Positive(DisplayNameReviewDue, nameof(DisplayNameReviewDue));
        Positive(GrantRetention, nameof(GrantRetention));
        Positive(SessionReplayHorizon, nameof(SessionReplayHorizon));
        Positive(MarketingLimitHold, nameof(MarketingLimitHold));
        Positive(OptOutRetention, nameof(OptOutRetention));
        Positive(OutcomeRetention, nameof(OutcomeRetention));
        errors.AddRange(Pacing.Validate().Select(e => $"Pacing:{e}"));
        if (FutureTimestampTolerance < TimeSpan.Zero || CodeResendCooldown < TimeSpan.Zero)
        {
            errors.Add($"{nameof(FutureTimestampTolerance)} and {nameof(CodeResendCooldown)} must not be negative.");
        }

        if (TemplateRecipientLimit < 0 || VerifiedTemplateRecipientLimit < TemplateRecipientLimit)
        {
            errors.Add($"{nameof(TemplateRecipientLimit)} must be ≥ 0 and ≤ {nameof(VerifiedTemplateRecipientLimit)}.");
        }

        if (NumberLimit < 1 || VerifiedNumberLimit < NumberLimit)
        {
            errors.Add($"{nameof(NumberLimit)} must be ≥ 1 and ≤ {nameof(VerifiedNumberLimit)}.");
        }

        if (CodeLength is < 4 or > 10 || MaxCodeAttempts < 1)
        {
            errors.Add($"{nameof(CodeLength)} must be 4–10 and {nameof(MaxCodeAttempts)} ≥ 1.");
        }

        if (LinkRetention < ServiceWindow || LinkRetention < TemplateRecipientPeriod)
        {
            errors.Add($"{nameof(LinkRetention)} must cover {nameof(ServiceWindow)} and {nameof(TemplateRecipientPeriod)}.");
        }

        if (GrantRetention < TemplateRecipientPeriod)
        {
            errors.Add($"{nameof(GrantRetention)} must cover {nameof(TemplateRecipientPeriod)} so that a retried grant is never counted twice.");
        }

        if (SessionReplayHorizon > GrantRetention)
        {
            errors.Add($"{nameof(SessionReplayHorizon)} must not exceed {nameof(GrantRetention)}.");
        }

        return errors;
    }
}
