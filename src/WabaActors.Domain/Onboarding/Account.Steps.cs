using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Identity;

namespace WabaActors.Domain.Onboarding;

/// <summary>Steps 1–3: user account, Meta Business Manager, company profile.</summary>
public sealed partial record Account
{
    /// <summary>Step 1: the 360dialog user account's e-mail. A changed address needs confirming again.</summary>
    public Result<Changed<Account>> SubmitEmail(string? email, DateTimeOffset now)
    {
        if (Guard(OnboardingStep.UserAccount) is { } refused)
        {
            return refused;
        }

        var parsed = EmailAddress.Parse(email);
        if (!parsed.IsSuccess)
        {
            return parsed.Error!;
        }

        var address = parsed.Value.Value;
        if (string.Equals(address, Email, StringComparison.OrdinalIgnoreCase))
        {
            return Changed<Account>.Unchanged(this);
        }

        return new Changed<Account>(
            this with { Email = address, EmailConfirmedAt = null },
            [new AccountEvent(AccountEventTypes.EmailSubmitted, now)]);
    }

    /// <summary>Step 1 done: the registration e-mail was confirmed.</summary>
    public Result<Changed<Account>> ConfirmEmail(DateTimeOffset now)
    {
        if (Email is null)
        {
            return OutOfOrder(OnboardingStep.UserAccount, "Submit the e-mail before confirming it.");
        }

        // Guard first: once live, re-confirming is a re-submitted step (409 onboarding_completed), not a no-op.
        if (Guard(OnboardingStep.UserAccount) is { } refused)
        {
            return refused;
        }

        if (EmailConfirmedAt is not null)
        {
            return Changed<Account>.Unchanged(this);
        }

        return new Changed<Account>(this with { EmailConfirmedAt = now }, [new AccountEvent(AccountEventTypes.EmailConfirmed, now)]);
    }

    /// <summary>
    /// Step 2: Meta Business Manager. The person onboarding must attest being its administrator. The id
    /// names the account's business portfolio: whether this tenant may name it is the portfolio's to say
    /// (<see cref="Portfolios.Portfolio.Join"/>), asked after this command and before its change is kept.
    /// A changed id leaves the old portfolio's limits behind.
    /// </summary>
    public Result<Changed<Account>> SubmitBusinessManager(
        string? businessManagerId, bool? isAdmin, string? officialName, string? website, DateTimeOffset now)
    {
        var v = new Validator();
        v.Check(businessManagerId is { Length: >= 1 and <= 64 } && Text.IsAsciiDigits(businessManagerId),
            "businessManagerId", "businessManagerId must be the Business Manager's numeric id (1–64 digits).");
        v.Check(isAdmin is not null, "isAdmin", "isAdmin is required.");
        var name = v.Parse("officialName", () => Text.Parse(officialName, "officialName"));
        var site = v.Parse("website", () => WebsiteUrl.Parse(website));
        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (Guard(OnboardingStep.BusinessManager) is { } refused)
        {
            return refused;
        }

        if (isAdmin is false)
        {
            return new DomainError(ErrorCodes.NotBusinessManagerAdmin,
                "The person onboarding must be an administrator of the company's Meta Business Manager.");
        }

        var details = new BusinessManagerDetails(businessManagerId!, name!, site.Value);
        return details == BusinessManager
            ? Changed<Account>.Unchanged(this)
            : new Changed<Account>(
                this with
                {
                    BusinessManager = details,
                    BusinessManagerSubmittedAt = now,
                    PortfolioLimits = details.BusinessManagerId == BusinessManager?.BusinessManagerId ? PortfolioLimits : null,
                },
                [new AccountEvent(AccountEventTypes.BusinessManagerSubmitted, now)]);
    }

    /// <summary>Step 3: official name, industry category (a fixed list) and a short description.</summary>
    public Result<Changed<Account>> SubmitCompanyProfile(
        string? officialName, string? industryCategory, string? description, DateTimeOffset now)
    {
        var v = new Validator();
        var name = v.Parse("officialName", () => Text.Parse(officialName, "officialName"));
        v.Check(IndustryCategory.IsKnown(industryCategory), "industryCategory",
            $"industryCategory must be one of: {string.Join(", ", IndustryCategory.All)}.");
        var text = v.Parse("description", () => Text.Parse(description, "description", Text.MaxDescription, allowLineBreaks: true));
        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (Guard(OnboardingStep.CompanyProfile) is { } refused)
        {
            return refused;
        }

        var profile = new CompanyProfile(name!, industryCategory!, text!);
        return profile == CompanyProfile
            ? Changed<Account>.Unchanged(this)
            : new Changed<Account>(this with { CompanyProfile = profile, CompanyProfileSubmittedAt = now }, [new AccountEvent(AccountEventTypes.CompanyProfileSubmitted, now)]);
    }

    /// <summary>A step may run once every earlier step is done, and only until the account is live.</summary>
    private DomainError? Guard(OnboardingStep step)
    {
        if (IsLive)
        {
            return new DomainError(ErrorCodes.OnboardingCompleted, "Onboarding is complete: the account is live.");
        }

        var missing = Enum.GetValues<OnboardingStep>().FirstOrDefault(s => s < step && StepStatus(s) != Onboarding.StepStatus.Done);
        return missing == default ? null : OutOfOrder(missing, $"Step {(int)missing} ({missing}) must be done first.");
    }

    private static DomainError OutOfOrder(OnboardingStep missing, string message) =>
        new(ErrorCodes.StepOutOfOrder, message) { Step = missing };
}
