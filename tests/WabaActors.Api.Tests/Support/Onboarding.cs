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

    /// <summary>Steps 1–3 done for a fresh account of <paramref name="tenant"/> whose step 2 names <paramref name="businessManagerId"/>: a member of that portfolio.</summary>
    public static async Task<TestAccount> MemberAtStep4Async(this ApiClient api, string tenant, string businessManagerId)
    {
        var account = await api.CreatedAsync(TestAccount.Fresh() with { Tenant = tenant });
        (await api.Post(account.Path + "/onboarding/user-account", Email)).Ok();
        (await api.Post(account.Path + "/onboarding/user-account/confirmation")).Ok();
        (await api.Post(account.Path + "/onboarding/business-manager", BusinessManagerNamed(businessManagerId))).Ok();
        (await api.Post(account.Path + "/onboarding/company-profile", CompanyProfile)).Ok();
        return account;
    }

    /// <summary>A live member of the portfolio <paramref name="businessManagerId"/> (see <see cref="MemberAtStep4Async"/>), its review approved.</summary>
    public static async Task<TestAccount> LiveAndApprovedMemberAsync(this ApiClient api, string tenant, string businessManagerId)
    {
        var account = await api.MemberAtStep4Async(tenant, businessManagerId);
        (await api.AddNumber(account, account.Phone)).Created();
        await api.Register(account, account.Phone);
        (await api.Post(account.Path + "/reviews/commerce-policy", new { decision = "approved" })).Ok();
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

    /// <summary>
    /// Live, and its commerce-policy review approved by the operator: under the <c>meta</c> profile a live
    /// account sends nothing until then (<c>account_under_review</c>), under <c>document</c> the approval
    /// changes nothing for sends. For tests that are not about the review.
    /// </summary>
    public static async Task<TestAccount> LiveAndApprovedAsync(this ApiClient api)
    {
        var account = await api.LiveAsync();
        var view = (await api.Post(account.Path + "/reviews/commerce-policy", new { decision = "approved" })).Ok();
        Assert.Equal("live", view.Str("status"));
        Assert.Equal("approved", view.Str("commercePolicyReview.status"));
        Assert.Empty(view["holds"]!.AsArray());
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
