using WabaActors.Contracts;
using WabaActors.Contracts.Accounts;
using WabaActors.Durability.Tests.Support;

namespace WabaActors.Durability.Tests;

/// <summary>
/// A Business Manager id belongs to the first tenant that names it (ADR 0018): the claim is grain state
/// on PostgreSQL, so a new cluster on the same database still refuses another tenant, and a membership
/// moved by a re-submitted step 2 stays moved.
/// </summary>
public class PortfolioClaimRestart
{
    private static BusinessManagerRequest Step2(string businessManagerId) => new(businessManagerId, true, "Acme s.r.o.", "https://acme.example");

    [Fact]
    [Trait("Rule", "business-manager-claim")]
    public async Task TheClaimAndTheMembershipSurviveAFullRestart()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (serviceId, clusterId) = ($"svc-{Ids.Short()}", $"cluster-{Ids.Short()}");
        var owner = GrainAccount.Fresh();
        var mover = GrainAccount.Fresh() with { Tenant = owner.Tenant };

        await using (var first = await WabaCluster.StartAsync(db, serviceId, clusterId))
        {
            var grains = first.GrainFactory;
            await GrainAccount.LiveAsync(grains, owner, Ids.Phone());

            // A second WABA of the owner names the same id, then corrects step 2 to an id of its own.
            var grain = mover.Grain(grains);
            (await grain.CreateAsync(mover.Tenant, "Acme")).Ok();
            (await grain.SubmitEmailAsync(mover.Tenant, "ops@acme.example")).Ok();
            (await grain.ConfirmEmailAsync(mover.Tenant)).Ok();
            (await grain.SubmitBusinessManagerAsync(mover.Tenant, Step2(owner.BusinessManagerId))).Ok();
            (await grain.SubmitBusinessManagerAsync(mover.Tenant, Step2(mover.BusinessManagerId))).Ok();

            await first.StopAllSilosAsync().WaitAsync(Settings.Timeout);
        }

        // One row per portfolio (a digits-only key is stored in the numeric key columns, as a number's is).
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM orleans_storage WHERE graintypestring = 'portfolio'"));

        await using var second = await WabaCluster.StartAsync(db, serviceId, clusterId);
        var again = second.GrainFactory;
        var stranger = GrainAccount.Fresh();
        var strangerGrain = stranger.Grain(again);
        (await strangerGrain.CreateAsync(stranger.Tenant, "Evil")).Ok();
        (await strangerGrain.SubmitEmailAsync(stranger.Tenant, "ops@evil.example")).Ok();
        (await strangerGrain.ConfirmEmailAsync(stranger.Tenant)).Ok();

        foreach (var claimed in new[] { owner.BusinessManagerId, mover.BusinessManagerId })
        {
            var refused = await strangerGrain.SubmitBusinessManagerAsync(stranger.Tenant, Step2(claimed));
            Assert.Equal("business_manager_claimed", refused.Failure?.Code);
        }

        Assert.Equal("pending", (await strangerGrain.GetAsync(stranger.Tenant)).Ok().Onboarding.Steps[1].Status);
        var portfolio = await again.GetGrain<IPortfolioGrain>(owner.BusinessManagerId).GetAsync();
        Assert.Equal(owner.Tenant, portfolio.Owner);
        Assert.Equal([owner.Waba], portfolio.Members);
        Assert.Equal([mover.Waba], (await again.GetGrain<IPortfolioGrain>(mover.BusinessManagerId).GetAsync()).Members);
    }
}
