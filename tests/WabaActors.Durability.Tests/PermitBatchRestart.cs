using WabaActors.Contracts.Messaging;
using WabaActors.Durability.Tests.Support;

namespace WabaActors.Durability.Tests;

/// <summary>
/// A batch of permits is acknowledged only once every grant in it is committed: after a full restart
/// on the same database, each acknowledged template grant replays as it was answered and the recipients
/// it counted are still counted (a session grant is a read, written nowhere: decided afresh). A batch
/// whose grant write the database refused acknowledges nothing; its retry is durable.
/// </summary>
public class PermitBatchRestart
{
    [Fact]
    public async Task EveryGrantOfAnAcknowledgedBatchSurvivesAFullRestart()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (serviceId, clusterId) = ($"svc-{Ids.Short()}", $"cluster-{Ids.Short()}");
        var phone = Ids.Phone();
        var (inside, outside, templateA, templateB) = (Ids.Customer(), Ids.Customer(), Ids.Customer(), Ids.Customer());
        PermitRequest[] requests =
        [
            new(inside, MessageKind.Session, Ids.Message()),
            new(outside, MessageKind.Session, Ids.Message()),
            new(templateA, MessageKind.Template, Ids.Message()),
            new(templateB, MessageKind.Template, Ids.Message()),
        ];
        GrainAccount account;
        IReadOnlyList<PermitDecision> acknowledged;
        WindowView moved;

        await using (var first = await WabaCluster.StartAsync(db, serviceId, clusterId))
        {
            var grains = first.GrainFactory;
            account = await GrainAccount.LiveAsync(grains, phone);
            await account.InboundAsync(grains, phone, inside, Ids.Message(), DateTimeOffset.UtcNow.AddMinutes(-5).AddTicks(1_234));

            var batch = (await GrainAccount.Number(grains, phone).RequestPermitsAsync(account.Scope, requests)).Ok();
            acknowledged = [.. batch.Replies.Select(r => r.Ok())];
            Assert.Equal([true, false, true, true], acknowledged.Select(d => d.Allowed));
            Assert.Equal([new TemplateUsage(1, 50), new TemplateUsage(2, 50)], acknowledged.Skip(2).Select(d => d.TemplateRecipients));

            // The window moves on: after the restart the session permit is decided afresh on it.
            moved = await account.InboundAsync(grains, phone, inside, Ids.Message(), DateTimeOffset.UtcNow);
            await first.StopAllSilosAsync().WaitAsync(Settings.Timeout);
        }

        await using var second = await WabaCluster.StartAsync(db, serviceId, clusterId);
        var again = second.GrainFactory;
        foreach (var (request, answer) in requests.Zip(acknowledged).Where(p => p.Second.Allowed))
        {
            var replay = await account.PermitAsync(again, phone, request.Customer, request.Type, request.MessageId);
            Assert.True(replay.Allowed, $"replay of {request.MessageId} ({request.Type}) denied: {replay.Reason}");
            var expected = request.Type == MessageKind.Session ? moved.ExpiresAt : answer.WindowExpiresAt;
            Assert.Equal(Micro.Truncate(expected), Micro.Truncate(replay.WindowExpiresAt));
            Assert.Equal(answer.TemplateRecipients, replay.TemplateRecipients);
        }

        Assert.Equal(2, (await account.ViewAsync(again)).Limits.TemplateRecipients.Used);
        var next = await account.PermitAsync(again, phone, Ids.Customer(), MessageKind.Template, Ids.Message());
        Assert.Equal(new TemplateUsage(3, 50), next.TemplateRecipients);
    }

    [Fact]
    public async Task ABatchWhoseGrantWriteWasRefusedAcknowledgesNothingAndItsRetryIsDurable()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (serviceId, clusterId) = ($"svc-{Ids.Short()}", $"cluster-{Ids.Short()}");
        var phone = Ids.Phone();
        PermitRequest[] requests = [new(Ids.Customer(), MessageKind.Template, Ids.Message()), new(Ids.Customer(), MessageKind.Template, Ids.Message())];
        GrainAccount account;
        PermitDecision[] retried;

        await using (var first = await WabaCluster.StartAsync(db, serviceId, clusterId))
        {
            var grains = first.GrainFactory;
            account = await GrainAccount.LiveAsync(grains, phone);
            var number = GrainAccount.Number(grains, phone);

            await using (await RefusedWrites.OnAsync(db, "waba_number_grant"))
            {
                await RefusedWrites.AssertRefusedAsync(async () => await number.RequestPermitsAsync(account.Scope, requests));
            }

            retried = [.. (await number.RequestPermitsAsync(account.Scope, requests)).Ok().Replies.Select(r => r.Ok())];
            Assert.All(retried, d => Assert.True(d.Allowed));
            Assert.Equal([new TemplateUsage(1, 50), new TemplateUsage(2, 50)], retried.Select(d => d.TemplateRecipients));
            await first.StopAllSilosAsync().WaitAsync(Settings.Timeout);
        }

        await using var second = await WabaCluster.StartAsync(db, serviceId, clusterId);
        foreach (var (request, answer) in requests.Zip(retried))
        {
            var replay = await account.PermitAsync(second.GrainFactory, phone, request.Customer, request.Type, request.MessageId);
            Assert.Equal(answer.TemplateRecipients, replay.TemplateRecipients);
        }

        Assert.Equal(2, (await account.ViewAsync(second.GrainFactory)).Limits.TemplateRecipients.Used);
    }
}
