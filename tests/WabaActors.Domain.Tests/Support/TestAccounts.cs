using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;

namespace WabaActors.Domain.Tests.Support;

/// <summary>Accounts at each point of onboarding, built through the domain's own commands.</summary>
public static class TestAccounts
{
    public const string Tenant = "acme";
    public const string Waba = "waba-1";
    public const string Email = "ops@acme.example";
    public const string BusinessManagerId = "1234567890";
    public const string OfficialName = "Acme s.r.o.";
    public const string Website = "https://acme.example";
    public const string Category = "shopping_retail";
    public const string Description = "We sell things.\nMostly good ones.";

    public const string FirstPhone = "420601000001";
    public const string SecondPhone = "420601000002";

    public static WabaRules Rules => WabaRules.Document;

    /// <summary>A new account: no step done.</summary>
    public static Account New(DateTimeOffset now) => Account.Create(Tenant, Waba, "Acme", now).State;

    /// <summary>Step 1 submitted, not yet confirmed.</summary>
    public static Account EmailSubmitted(DateTimeOffset now) => New(now).SubmitEmail(Email, now).Ok().State;

    /// <summary>Step 1 done.</summary>
    public static Account Step1Done(DateTimeOffset now) => EmailSubmitted(now).ConfirmEmail(now).Ok().State;

    /// <summary>Steps 1–2 done.</summary>
    public static Account Step2Done(DateTimeOffset now) =>
        Step1Done(now).SubmitBusinessManager(BusinessManagerId, true, OfficialName, Website, now).Ok().State;

    /// <summary>Steps 1–3 done: numbers may be added.</summary>
    public static Account Step3Done(DateTimeOffset now) =>
        Step2Done(now).SubmitCompanyProfile(OfficialName, Category, Description, now).Ok().State;

    /// <summary>Steps 1–3 done and <paramref name="phones"/> added (not registered).</summary>
    public static Account WithNumbers(DateTimeOffset now, WabaRules rules, params string[] phones)
    {
        var account = Step3Done(now);
        foreach (var phone in phones)
        {
            account = account.AddNumber(phone, rules, now).Ok().State;
        }

        return account;
    }

    /// <summary>Live: <see cref="FirstPhone"/> added and registered at <paramref name="now"/>; the commerce review pending.</summary>
    public static Account Live(DateTimeOffset now) =>
        WithNumbers(now, Rules, FirstPhone).NumberRegistered(FirstPhone, Rules, now).State;
}
