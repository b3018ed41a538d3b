using WabaActors.Contracts.Messaging;
using WabaActors.Durability.Tests.Support;

namespace WabaActors.Durability.Tests;

/// <summary>
/// A person named by phone and BSUID is one person (ADR 0020): an inbound message that names both links
/// them at the quota scope's directory, durable before the message is acknowledged. The silo is then killed
/// (no stop, no flush) and a new one starts on the same database: the window opened under the phone answers
/// open under the BSUID (the number asks the directory, which reloads the link from waba_customer_link),
/// and a template to the BSUID counts no second recipient when the phone was counted before.
/// </summary>
public class LinkSurvivesSiloKill
{
    private const string Bsuid = "US.13491208655302741918";

    [Fact]
    public async Task ALinkAcknowledgedWithAnInboundMessageAnswersForTheBsuidAfterTheSiloIsKilled()
    {
        await using var db = await TestDatabase.CreateAsync();
        var serviceId = $"svc-{Ids.Short()}";
        var (phoneA, phoneB, person) = (Ids.Phone(), Ids.Phone(), Ids.Customer());
        GrainAccount account;
        WindowView opened;

        await using (var first = await WabaCluster.StartAsync(db, serviceId, $"cluster-{Ids.Short()}"))
        {
            var grains = first.Client;
            account = await GrainAccount.LiveAsync(grains, phoneA, phoneB);

            // Counted by phone on B (no window there), then a message to A names both ids.
            var counted = await account.PermitAsync(grains, phoneB, person, MessageKind.Template, Ids.Message());
            Assert.Equal(new TemplateUsage(1, 50), counted.TemplateRecipients);
            opened = (await GrainAccount.Number(grains, phoneA).RecordInboundAsync(
                account.Scope, new InboundMessage(person, Ids.Message(), DateTimeOffset.UtcNow.AddMinutes(-5), UserId: Bsuid))).Ok();
            Assert.True(opened.Open);

            // Acknowledged is durable: the link is in its table while the silo still runs.
            Assert.Equal([$"{person} {Bsuid}"], await db.ColumnAsync("SELECT customer || ' ' || partner FROM waba_customer_link WHERE quota_key = $1", account.QuotaKey));
            await first.KillSiloAsync(first.Primary!).WaitAsync(Settings.Timeout);
        }

        // A new silo, sharing nothing in memory with the killed one (a new cluster id spares it declaring the
        // dead silo dead: other tests cover that; the service id keeps grain state, reminders and the delta tables).
        await using var second = await WabaCluster.StartAsync(db, serviceId, $"cluster-{Ids.Short()}");
        var again = second.Client;

        var window = await account.WindowAsync(again, phoneA, Bsuid);
        Assert.True(window.Open, "the window opened under the phone is closed under its BSUID after the kill");
        Assert.Equal(Micro.Truncate(opened.ExpiresAt), Micro.Truncate(window.ExpiresAt));

        var template = await account.PermitAsync(again, phoneB, Bsuid, MessageKind.Template, Ids.Message());
        Assert.True(template.Allowed, $"template to the BSUID denied: {template.Reason}");
        Assert.Equal(new TemplateUsage(1, 50), template.TemplateRecipients);
        Assert.Equal(new TemplateUsage(2, 50), (await account.PermitAsync(again, phoneB, Ids.Customer(), MessageKind.Template, Ids.Message())).TemplateRecipients);
    }
}
