using WabaActors.Contracts.Messaging;
using WabaActors.Contracts.Templates;
using WabaActors.Durability.Tests.Support;

namespace WabaActors.Durability.Tests;

/// <summary>
/// Meta's verdicts on a number's customers and the prices of its grants are state on PostgreSQL (schema
/// 010): after a full restart of the cluster a 131049 still holds marketing templates to its customer, a
/// BSUID's stop still stops them, a redelivered status is still a duplicate, and a granted marketing
/// template replays with the price it was answered with.
/// </summary>
public class CustomerVerdictsRestart
{
    private const string StoppedBsuid = "US.13491208655302741918";

    [Fact]
    public async Task VerdictsAndAGrantsPriceSurviveAFullRestart()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (serviceId, clusterId) = ($"svc-{Ids.Short()}", $"cluster-{Ids.Short()}");
        var phone = Ids.Phone();
        var (limited, granted) = (Ids.Customer(), Ids.Customer());
        var failure = new SendOutcome(Ids.Message(), limited, OutcomeStatus.Failed, 131049, DateTimeOffset.UtcNow.AddMinutes(-2));
        var marketing = Marketing(granted);
        GrainAccount account;
        PermitDecision answered;

        await using (var first = await WabaCluster.StartAsync(db, serviceId, clusterId))
        {
            var grains = first.GrainFactory;
            account = await GrainAccount.LiveAsync(grains, phone);
            var number = GrainAccount.Number(grains, phone);
            answered = (await number.RequestPermitAsync(account.Scope, marketing)).Ok();
            Assert.Equal(new Pricing(PricingCategory.Marketing, true, null), answered.Pricing);
            Assert.Equal(OutcomeEffect.MarketingLimited, (await number.RecordOutcomeAsync(account.Scope, failure)).Ok().Effect);
            var stop = new MarketingPreference(StoppedBsuid, Stop: true, DateTimeOffset.UtcNow.AddMinutes(-1));
            Assert.Equal(OutcomeEffect.MarketingOptedOut, (await number.SetMarketingPreferenceAsync(account.Scope, stop)).Ok().Effect);
            await first.StopAllSilosAsync().WaitAsync(Settings.Timeout);
        }

        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM waba_customer_verdict WHERE phone = $1", phone));

        await using var second = await WabaCluster.StartAsync(db, serviceId, clusterId);
        var again = GrainAccount.Number(second.GrainFactory, phone);

        Assert.Equal(DenialReason.MarketingLimitPerUser, (await again.RequestPermitAsync(account.Scope, Marketing(limited))).Ok().Reason);
        Assert.Equal(DenialReason.MarketingOptedOut, (await again.RequestPermitAsync(account.Scope, Marketing(StoppedBsuid))).Ok().Reason);
        Assert.Equal(OutcomeEffect.Duplicate, (await again.RecordOutcomeAsync(account.Scope, failure)).Ok().Effect);
        var replay = (await again.RequestPermitAsync(account.Scope, marketing)).Ok();
        Assert.True(replay.Allowed, $"the replay was denied: {replay.Reason}");
        Assert.Equal(answered.Pricing, replay.Pricing);
        Assert.Equal(2, (await again.GetActivityAsync(account.Scope)).Ok().VerdictCount);
    }

    private static PermitRequest Marketing(string customer) =>
        new(customer, MessageKind.Template, Ids.Message()) { Category = TemplateCategory.Marketing };
}
