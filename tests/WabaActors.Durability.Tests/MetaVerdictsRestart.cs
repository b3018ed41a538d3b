using WabaActors.Contracts.Messaging;
using WabaActors.Contracts.Webhooks;
using WabaActors.Durability.Tests.Support;

namespace WabaActors.Durability.Tests;

/// <summary>
/// Meta's verdicts are account state on PostgreSQL: a review decided by Meta before go-live, a
/// disconnection, a restriction and the digests that make a redelivery a duplicate all survive a
/// full restart of the cluster, and the numbers' gate is rebuilt from them.
/// </summary>
public class MetaVerdictsRestart
{
    [Fact]
    [Trait("Rule", "meta-review")]
    public async Task VerdictsAndTheirDigestsSurviveAFullRestart()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (serviceId, clusterId) = ($"svc-{Ids.Short()}", $"cluster-{Ids.Short()}");
        var early = GrainAccount.Fresh();
        var gone = GrainAccount.Fresh();
        var (earlyPhone, gonePhone) = (Ids.Phone(), Ids.Phone());
        var deleted = new AccountEventWebhook("digest-deleted", "ACCOUNT_DELETED", null);

        await using (var first = await WabaCluster.StartAsync(db, serviceId, clusterId))
        {
            var grains = first.GrainFactory;
            var grain = early.Grain(grains);
            (await grain.CreateAsync(early.Tenant, "Early")).Ok();
            Assert.Equal(WebhookResult.Applied, (await grain.ApplyWebhookAsync(new ReviewWebhook("digest-rejected", "REJECTED"))).Ok());

            await GrainAccount.LiveAsync(grains, gone, gonePhone);
            Assert.Equal(WebhookResult.Applied, (await gone.Grain(grains).ApplyWebhookAsync(deleted)).Ok());

            await first.StopAllSilosAsync().WaitAsync(Settings.Timeout);
        }

        await using var second = await WabaCluster.StartAsync(db, serviceId, clusterId);
        var again = second.GrainFactory;

        // The decision Meta took before go-live is applied when the account goes live after the restart.
        var earlyGrain = early.Grain(again);
        (await earlyGrain.SubmitEmailAsync(early.Tenant, "ops@acme.example")).Ok();
        (await earlyGrain.ConfirmEmailAsync(early.Tenant)).Ok();
        (await earlyGrain.SubmitBusinessManagerAsync(early.Tenant, new("9" + Ids.Phone(), true, "Acme s.r.o.", "https://acme.example"))).Ok();
        (await earlyGrain.SubmitCompanyProfileAsync(early.Tenant, new("Acme s.r.o.", "shopping_retail", "We sell things."))).Ok();
        (await earlyGrain.AddNumberAsync(early.Tenant, new(earlyPhone, "sms", false, null))).Ok();
        var code = await GrainAccount.Number(again, earlyPhone).GetSimulatedCodeAsync();
        (await GrainAccount.Number(again, earlyPhone).VerifyAsync(early.Scope, code)).Ok();
        Assert.Equal("blocked", (await early.ViewAsync(again)).Status);
        Assert.Equal(DenialReason.AccountBlocked, (await early.PermitAsync(again, earlyPhone, Ids.Customer(), MessageKind.Template, Ids.Message())).Reason);

        // The disconnection, its digest, and the numbers' gate.
        var goneView = await gone.ViewAsync(again);
        Assert.Equal("disconnected", goneView.Status);
        Assert.Equal("account_disconnected", goneView.Holds[0].Reason);
        Assert.Equal(DenialReason.AccountDisconnected, (await gone.PermitAsync(again, gonePhone, Ids.Customer(), MessageKind.Template, Ids.Message())).Reason);
        Assert.Equal(WebhookResult.Duplicate, (await gone.Grain(again).ApplyWebhookAsync(deleted)).Ok());
    }
}
