using WabaActors.Contracts;
using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Messaging;
using WabaActors.Contracts.Portfolios;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Portfolios;

/// <summary>Accounts of one tenant naming one Business Manager id: the members of one portfolio.</summary>
internal static class PortfolioMembers
{
    /// <summary>A new account of <paramref name="tenant"/> with steps 1–3 done, step 2 naming <paramref name="businessManagerId"/>.</summary>
    public static async Task<TestAccount> OnboardedAsync(IGrainFactory grains, string tenant, string businessManagerId)
    {
        var account = TestAccount.Fresh(grains, tenant) with { BusinessManagerId = businessManagerId };
        await account.Grain.CreateAsync(account.Tenant, "Acme").Ok();
        await account.CompleteStepsAsync();
        return account;
    }

    /// <summary>A member that is live with one registered number and its commerce review approved (Meta's rules hold sends while it is pending).</summary>
    public static async Task<(TestAccount Account, string Phone)> LiveAsync(IGrainFactory grains, string tenant, string businessManagerId)
    {
        var account = await OnboardedAsync(grains, tenant, businessManagerId);
        var phone = Ids.Phone();
        await account.AddNumberAsync(phone).Ok();
        await account.RegisterAsync(phone);
        await account.Grain.DecideCommerceReviewAsync(account.Tenant, new ReviewDecisionRequest("approved", null)).Ok();
        return (account, phone);
    }

    public static Task<PortfolioView> PortfolioAsync(this IGrainFactory grains, string businessManagerId) =>
        grains.GetGrain<IPortfolioGrain>(businessManagerId).GetAsync().AsTask();

    /// <summary>Template permits to <paramref name="count"/> new customers from one number, in batches.</summary>
    public static async Task<List<PermitDecision>> TemplatesAsync(this TestAccount account, string phone, int count)
    {
        var decisions = new List<PermitDecision>();
        foreach (var chunk in Enumerable.Range(0, count).Chunk(100))
        {
            var requests = chunk.Select(_ => new PermitRequest(Ids.Customer(), MessageKind.Template, Ids.Message())).ToArray();
            var batch = await account.Number(phone).RequestPermitsAsync(account.Scope, requests).Ok();
            decisions.AddRange(batch.Replies.Select(r => r.Ok()));
        }

        return decisions;
    }
}
