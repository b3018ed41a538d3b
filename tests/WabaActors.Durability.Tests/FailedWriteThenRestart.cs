using WabaActors.Contracts.Messaging;
using WabaActors.Durability.Tests.Support;

namespace WabaActors.Durability.Tests;

/// <summary>
/// A write the database refused, while the grain stayed alive: the caller heard an error, retried, and
/// got an answer. That answer is acknowledged, so it must be durable — the retry must not be answered
/// from memory the failed write left behind. Then a full restart shows what PostgreSQL really holds.
/// </summary>
public class FailedWriteThenRestart
{
    [Fact]
    public async Task ARetryAnsweredAfterARefusedWriteIsDurable()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (serviceId, clusterId) = ($"svc-{Ids.Short()}", $"cluster-{Ids.Short()}");
        var phone = Ids.Phone();
        var (windowCustomer, messageId) = (Ids.Customer(), Ids.Message());
        var (grantCustomer, grantId) = (Ids.Customer(), Ids.Message());
        var at = DateTimeOffset.UtcNow.AddMinutes(-5).AddTicks(4_321);
        GrainAccount account;
        WindowView window;
        PermitDecision grant;

        await using (var first = await WabaCluster.StartAsync(db, serviceId, clusterId))
        {
            var grains = first.GrainFactory;
            account = await GrainAccount.LiveAsync(grains, phone);
            var number = GrainAccount.Number(grains, phone);

            // A customer's message whose window could not be stored; the retry is answered.
            await using (await RefusedWrites.OnAsync(db, "waba_window"))
            {
                await RefusedWrites.AssertRefusedAsync(async () =>
                    await number.RecordInboundAsync(account.Scope, new InboundMessage(windowCustomer, messageId, at)));
            }

            window = await account.InboundAsync(grains, phone, windowCustomer, messageId, at);
            Assert.True(window.Open);

            // A template grant that could not be stored; the retry (same message id) is answered. (A session
            // permit writes nothing, ADR 0022: a template is the grant that must be durable.)
            await using (await RefusedWrites.OnAsync(db, "waba_number_grant"))
            {
                await RefusedWrites.AssertRefusedAsync(async () =>
                    await number.RequestPermitAsync(account.Scope, new PermitRequest(grantCustomer, MessageKind.Template, grantId)));
            }

            grant = await account.PermitAsync(grains, phone, grantCustomer, MessageKind.Template, grantId);
            Assert.True(grant.Allowed);
            Assert.Equal(new TemplateUsage(1, 50), grant.TemplateRecipients);

            // The customer writes: after the restart only the stored grant can answer without a window expiry.
            await account.InboundAsync(grains, phone, grantCustomer, Ids.Message(), DateTimeOffset.UtcNow);
            await first.StopAllSilosAsync().WaitAsync(Settings.Timeout);
        }

        await using var second = await WabaCluster.StartAsync(db, serviceId, clusterId);
        var again = await account.WindowAsync(second.GrainFactory, phone, windowCustomer);
        Assert.True(again.Open, "the acknowledged window is closed after the restart");
        Assert.Equal(Micro.Truncate(window.ExpiresAt), Micro.Truncate(again.ExpiresAt));
        var replay = await account.PermitAsync(second.GrainFactory, phone, grantCustomer, MessageKind.Template, grantId);
        Assert.Equal((grant.WindowExpiresAt, grant.TemplateRecipients), (replay.WindowExpiresAt, replay.TemplateRecipients));
    }

    [Fact]
    public async Task AChangeWhoseHistoryAppendFailedStillReachesTheHistory()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (serviceId, clusterId) = ($"svc-{Ids.Short()}", $"cluster-{Ids.Short()}");
        GrainAccount account;

        await using (var first = await WabaCluster.StartAsync(db, serviceId, clusterId))
        {
            var grains = first.GrainFactory;
            account = await GrainAccount.LiveAsync(grains, Ids.Phone());

            // The change is committed with its entries (the state write), then publishing them fails.
            await using (await RefusedWrites.OnAsync(db, "waba_event"))
            {
                await RefusedWrites.AssertRefusedAsync(async () => await account.Grain(grains).SetBusinessVerificationAsync(account.Tenant, "submitted"));
            }

            Assert.Equal("submitted", (await account.ViewAsync(grains)).BusinessVerification.Status);
            (await account.Grain(grains).SetBusinessVerificationAsync(account.Tenant, "verified")).Ok();
            AssertComplete(await account.EventsAsync(grains));
            await first.StopAllSilosAsync().WaitAsync(Settings.Timeout);
        }

        await using var second = await WabaCluster.StartAsync(db, serviceId, clusterId);
        AssertComplete(await account.EventsAsync(second.GrainFactory));
    }

    /// <summary>Every change has its entry: ids 1…n without a gap, both verification changes in order.</summary>
    private static void AssertComplete(IReadOnlyList<Contracts.Accounts.EventView> events)
    {
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), events.Select(e => e.Id));
        Assert.Equal(["submitted", "verified"], events.Where(e => e.Type == "business_verification_changed").Select(e => e.Value));
    }
}
