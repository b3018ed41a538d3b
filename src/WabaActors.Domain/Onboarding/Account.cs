using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Rules;

namespace WabaActors.Domain.Onboarding;

/// <summary>
/// A tenant's WhatsApp Business Account: onboarding steps 1–4, its numbers, the commerce-policy
/// review, business verification and Meta's restrictions. Immutable: every command returns the
/// new state and its history entries, or an error and no change.
/// </summary>
public sealed partial record Account(string Tenant, string Waba, DateTimeOffset CreatedAt)
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    public DateTimeOffset? EmailConfirmedAt { get; init; }
    public BusinessManagerDetails? BusinessManager { get; init; }

    /// <summary>When step 2 was last completed (its details submitted or corrected).</summary>
    public DateTimeOffset? BusinessManagerSubmittedAt { get; init; }

    public CompanyProfile? CompanyProfile { get; init; }

    /// <summary>When step 3 was last completed (the profile submitted or corrected).</summary>
    public DateTimeOffset? CompanyProfileSubmittedAt { get; init; }

    public IReadOnlyList<AccountNumber> Numbers { get; init; } = [];
    public Review? CommerceReview { get; init; }
    public BusinessVerificationStatus BusinessVerification { get; init; } = BusinessVerificationStatus.NotStarted;

    /// <summary>Meta's ban (DISABLED_UPDATE / DISABLE); blocks like a rejected review.</summary>
    public bool Disabled { get; init; }

    /// <summary>When Meta's ban took effect here (null when not disabled, or disabled before this was kept).</summary>
    public DateTimeOffset? DisabledSince { get; init; }

    /// <summary>Meta deleted, unshared or offboarded the WABA (account_update); null while connected.</summary>
    public Disconnection? Disconnected { get; init; }

    /// <summary>Meta's last word on the commerce-policy review (account_review_update), kept from before go-live.</summary>
    public MetaReviewWord? MetaReview { get; init; }

    public Restrictions Restrictions { get; init; } = Restrictions.None;

    /// <summary>A template-recipient limit set by Meta (capability webhook); overrides the rules' figure.</summary>
    public int? TemplateRecipientLimitOverride { get; init; }

    /// <summary>A number limit set by Meta (capability webhook); overrides the rules' figure.</summary>
    public int? NumberLimitOverride { get; init; }

    public static Changed<Account> Create(string tenant, string waba, string? name, DateTimeOffset now) =>
        new(new Account(tenant, waba, now) { Name = name }, [new AccountEvent(AccountEventTypes.AccountCreated, now)]);

    /// <summary>
    /// A <c>PUT</c> of the existing account with <paramref name="name"/>: a new name (checked like at creation:
    /// 1–256 characters, no control characters, trimmed) replaces the old one, history <c>account_renamed</c>
    /// (<c>value</c>: the new name). No name, or the same name, changes nothing. Allowed in any status.
    /// </summary>
    public Result<Changed<Account>> Rename(string? name, DateTimeOffset now)
    {
        var parsed = ParseName(name);
        if (!parsed.IsSuccess)
        {
            return parsed.Error!;
        }

        return parsed.Value is null || string.Equals(parsed.Value, Name, StringComparison.Ordinal)
            ? Changed<Account>.Unchanged(this)
            : new Changed<Account>(this with { Name = parsed.Value }, [new AccountEvent(AccountEventTypes.AccountRenamed, now) { Value = parsed.Value }]);
    }

    /// <summary>An account's name as given at creation or rename: 1–256 characters, no control characters, trimmed; null when none is given.</summary>
    public static Result<string?> ParseName(string? name)
    {
        if (name is null)
        {
            return Result<string?>.Ok(null);
        }

        var parsed = Text.Parse(name, "name");
        return parsed.IsSuccess ? parsed.Value : DomainError.Invalid("name", parsed.Error!.Message);
    }

    /// <summary>Live once its first number registered (step 4 done).</summary>
    public bool IsLive => Numbers.Any(n => n.RegisteredAt is not null);

    /// <summary>Disconnected wins over everything (Meta no longer lets it send), then onboarding, blocked, live.</summary>
    public AccountStatus Status => Disconnected is not null ? AccountStatus.Disconnected
        : !IsLive ? AccountStatus.Onboarding
        : Disabled || CommerceReview?.Status == ReviewStatus.Rejected ? AccountStatus.Blocked
        : AccountStatus.Live;

    public bool IsBusinessVerified => BusinessVerification == BusinessVerificationStatus.Verified;

    /// <summary>The account's own limit, or under a portfolio scope its portfolio's (see <see cref="PortfolioLimits"/>).</summary>
    public int TemplateRecipientLimit(WabaRules rules) =>
        rules.TemplateRecipientScope == QuotaScope.Portfolio && PortfolioLimits is { } portfolio
            ? portfolio.TemplateLimit
            : TemplateRecipientLimitOverride ?? rules.TemplateLimitFor(IsBusinessVerified);

    /// <summary>The account's own limit, or under a portfolio scope its portfolio's (see <see cref="PortfolioLimits"/>).</summary>
    public int NumberLimit(WabaRules rules) =>
        rules.NumberLimitScope == QuotaScope.Portfolio && PortfolioLimits is { } portfolio
            ? portfolio.NumberLimit
            : NumberLimitOverride ?? rules.NumberLimitFor(IsBusinessVerified);

    public StepStatus StepStatus(OnboardingStep step) => step switch
    {
        OnboardingStep.UserAccount => Email is null ? Onboarding.StepStatus.Pending
            : EmailConfirmedAt is null ? Onboarding.StepStatus.AwaitingEmailConfirmation : Onboarding.StepStatus.Done,
        OnboardingStep.BusinessManager => BusinessManager is null ? Onboarding.StepStatus.Pending : Onboarding.StepStatus.Done,
        OnboardingStep.CompanyProfile => CompanyProfile is null ? Onboarding.StepStatus.Pending : Onboarding.StepStatus.Done,
        OnboardingStep.PhoneNumbers => IsLive ? Onboarding.StepStatus.Done : Onboarding.StepStatus.Pending,
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    /// <summary>The first step not yet done (PhoneNumbers once 1–3 are done).</summary>
    public OnboardingStep CurrentStep =>
        Enum.GetValues<OnboardingStep>().FirstOrDefault(s => StepStatus(s) != Onboarding.StepStatus.Done, OnboardingStep.PhoneNumbers);

    /// <summary>What a send decision needs of this account (see <see cref="Messaging.SendRules"/>).</summary>
    public Messaging.SendGate Gate(WabaRules rules) => new(Status, Disabled, IsHeldForReview(rules), Restrictions);

    /// <summary>Live, and the review is pending under rules that hold sends meanwhile (Meta's).</summary>
    public bool IsHeldForReview(WabaRules rules) =>
        !rules.SendsAllowedWhileReviewPending && IsLive && CommerceReview?.Status == ReviewStatus.Pending;

    public AccountNumber? FindNumber(string phone) => Numbers.FirstOrDefault(n => n.Phone == phone);
}
