using System.Globalization;
using WabaActors.Durability.Tests.Support;
using WabaActors.Grains.Notifications;
using static WabaActors.Tests.Shared.StubReceiver;

namespace WabaActors.Durability.Tests;

/// <summary>
/// Outbound notifications on PostgreSQL (ADR 0012): the cluster stops while the endpoint fails, part
/// of the history delivered. A new cluster on the same database resumes from the durable cursor,
/// woken by the durable reminder alone (nothing touches the account), and delivers the rest in order.
/// </summary>
public class NotificationsAfterRestart
{
    private const int DeliveredBeforeStop = 4;

    [Fact]
    public async Task TheCursorSurvivesARestartAndDeliveryResumesWithoutLossInOrder()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var receiver = await StartAsync();
        var (serviceId, clusterId) = ($"svc-{Ids.Short()}", $"cluster-{Ids.Short()}");
        var settings = new Dictionary<string, string>
        {
            ["WabaActors:Notifications:Enabled"] = "true",
            ["WabaActors:Notifications:Endpoint"] = receiver.Endpoint.ToString(),
            ["WabaActors:Notifications:Secret"] = Secret,
            ["WabaActors:Notifications:BatchSize"] = "1",
            ["WabaActors:Notifications:BackoffInitial"] = "00:00:00.100",
            ["WabaActors:Notifications:BackoffMax"] = "00:00:00.500",
            ["WabaActors:Grains:ReminderPeriod"] = "00:00:02",
        };
        var account = GrainAccount.Fresh();
        receiver.Plan(account.Waba, [.. Enumerable.Repeat(Answer.Ok, DeliveredBeforeStop), .. Enumerable.Repeat(Answer.Fail(503), 10_000)]);
        int total;

        await using (var first = await WabaCluster.StartAsync(db, serviceId, clusterId, settings: settings))
        {
            await GrainAccount.LiveAsync(first.GrainFactory, account, Ids.Phone());
            total = (await account.EventsAsync(first.GrainFactory)).Count;
            var notifier = first.GrainFactory.GetGrain<IAccountNotifierGrain>(account.Waba);
            await Eventually.ReachedAsync(() => Task.FromResult(receiver.RequestsFor(account.Waba).Count), n => n > DeliveredBeforeStop + 1,
                "failed attempts after the first deliveries");
            Assert.Equal(DeliveredBeforeStop, await notifier.GetDeliveredAsync());
            await first.StopAllSilosAsync().WaitAsync(Settings.Timeout);
        }

        Assert.True(total > DeliveredBeforeStop + 2, $"the history has {total} events");
        var beforeRestart = receiver.RequestsFor(account.Waba).Count;
        receiver.Heal(account.Waba);

        await using var second = await WabaCluster.StartAsync(db, serviceId, clusterId, settings: settings);
        await Eventually.ReachedAsync(() => Task.FromResult(receiver.Delivered(account.Waba).Count), n => n >= total,
            $"all {total} events delivered after the restart");

        var delivered = receiver.Delivered(account.Waba);
        Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), delivered.Select(e => e.Sequence));
        Assert.Equal(DeliveredBeforeStop + 1, receiver.RequestsFor(account.Waba)[beforeRestart].Payload.Events[0].Sequence);
        Assert.All(receiver.RequestsFor(account.Waba), r => Assert.True(r.SignatureValid));
        Assert.Equal(total.ToString(CultureInfo.InvariantCulture), delivered[^1].Id.Split(':')[1]);
        Assert.Equal(total, await second.GrainFactory.GetGrain<IAccountNotifierGrain>(account.Waba).GetDeliveredAsync());
    }
}
