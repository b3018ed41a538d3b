using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;

namespace WabaActors.Domain.Tests.MessagingSupport;

/// <summary>Accounts for the send decision, built through the domain's own onboarding commands.</summary>
public static class MessagingAccounts
{
    public const string Phone = "420601234567";

    /// <summary>Steps 1–3 done, the number added but not registered: status onboarding.</summary>
    public static Account Onboarding(WabaRules rules, DateTimeOffset now)
    {
        var account = Account.Create("acme", "waba-msg", "Acme", now).State;
        account = Ok(account.SubmitEmail("ops@acme.example", now));
        account = Ok(account.ConfirmEmail(now));
        account = Ok(account.SubmitBusinessManager("1234567890", true, "Acme s.r.o.", "https://acme.example", now));
        account = Ok(account.SubmitCompanyProfile("Acme s.r.o.", "other", "We sell things.", now));
        return Ok(account.AddNumber(Phone, rules, now));
    }

    /// <summary>Live: its number registered; the commerce-policy review pending.</summary>
    public static Account Live(WabaRules rules, DateTimeOffset now) =>
        Onboarding(rules, now).NumberRegistered(Phone, rules, now).State;

    /// <summary>Live and business-verified (the higher template tier).</summary>
    public static Account Verified(WabaRules rules, DateTimeOffset now) =>
        Live(rules, now).SetBusinessVerification(BusinessVerificationStatus.Verified, now).State;

    /// <summary>The commerce-policy review decided (<see cref="ReviewDecision.Rejected"/> blocks the account).</summary>
    public static Account Reviewed(Account account, ReviewDecision decision, DateTimeOffset now) =>
        Ok(account.DecideCommerceReview(decision, decision == ReviewDecision.Rejected ? "policy" : null, now));

    private static Account Ok(Result<Changed<Account>> result)
    {
        Assert.True(result.IsSuccess, $"onboarding refused: {result.Error?.Code}: {result.Error?.Message}");
        return result.Value.State;
    }
}
