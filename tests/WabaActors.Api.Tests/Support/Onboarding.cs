using System.Net;
using System.Text.Json.Nodes;

namespace WabaActors.Api.Tests.Support;

/// <summary>Takes a fresh account through onboarding steps 1–4, as far as a test needs.</summary>
public static class Onboarding
{
    public static readonly object Email = new { email = "owner@acme.example" };

    /// <summary>Step 2 naming a fresh Business Manager id each time (the first tenant to name one claims it).</summary>
    public static object BusinessManager => BusinessManagerNamed(Ids.BusinessManager());

    public static object BusinessManagerNamed(string businessManagerId) => new
    {
        businessManagerId, isAdmin = true, officialName = "Acme s.r.o.", website = "https://acme.example",
    };

    public static readonly object CompanyProfile = new
    {
        officialName = "Acme s.r.o.", industryCategory = "shopping_retail", description = "Garden tools.\nSince 1990.",
    };

    public static object Sms(string phone) => new { phoneNumber = "+" + phone, verificationMethod = "sms", inUseInWhatsAppApp = false };

    /// <summary>Created (PUT), no step done.</summary>
    public static async Task<TestAccount> CreatedAsync(this ApiClient api, TestAccount? account = null)
    {
        account ??= TestAccount.Fresh();
        (await api.Put(account.Path, new { name = "Acme" })).Created();
        return account;
    }

    /// <summary>Steps 1–3 done: a number may be added.</summary>
    public static async Task<TestAccount> AtStep4Async(this ApiClient api, TestAccount? account = null)
    {
        account = await api.CreatedAsync(account);
        (await api.Post(account.Path + "/onboarding/user-account", Email)).Ok();
        (await api.Post(account.Path + "/onboarding/user-account/confirmation")).Ok();
        (await api.Post(account.Path + "/onboarding/business-manager", BusinessManager)).Ok();
        (await api.Post(account.Path + "/onboarding/company-profile", CompanyProfile)).Ok();
        return account;
    }

    /// <summary>Steps 1–3 done and <see cref="TestAccount.Phone"/> added: its code is sent.</summary>
    public static async Task<TestAccount> CodeSentAsync(this ApiClient api)
    {
        var account = await api.AtStep4Async();
        (await api.AddNumber(account, account.Phone)).Created();
        return account;
    }

    /// <summary>Steps 1–4 done: the first number is registered, the account is live.</summary>
    public static async Task<TestAccount> LiveAsync(this ApiClient api)
    {
        var account = await api.CodeSentAsync();
        await api.Register(account, account.Phone);
        return account;
    }

    public static Task<Reply> AddNumber(this ApiClient api, TestAccount account, string phone) =>
        api.Post(account.Path + "/numbers", Sms(phone));

    /// <summary>Verifies <paramref name="phone"/> (already added) with the code the gateway sent.</summary>
    public static async Task<JsonNode> Register(this ApiClient api, TestAccount account, string phone)
    {
        var code = await api.Code(phone);
        var number = (await api.Post(account.NumberOf(phone) + "/verification", new { code })).Ok();
        Assert.Equal("registered", number.Str("status"));
        return number;
    }

    /// <summary>What a failed request must leave as it was: the account view and its whole history.</summary>
    public static async Task<string> Snapshot(this ApiClient api, TestAccount account)
    {
        var view = await api.Get(account.Path);
        var events = await api.Get(account.Events + "?limit=1000");
        Assert.Equal(HttpStatusCode.OK, view.Status);
        return view.Body + "\n" + events.Body;
    }
}
