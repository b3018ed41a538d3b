using System.Globalization;
using WabaActors.Durability.Tests.Support;
using WabaActors.Grains.Notifications;
using static WabaActors.Tests.Shared.StubReceiver;

namespace WabaActors.Durability.Tests;

/// <summary>
/// Outbound notifications on PostgreSQL (ADR 0012). A cluster stopped with part of the history
/// delivered: the next one resumes from the durable cursor, woken by the durable reminder alone
/// (nothing touches the account). A cursor write that fails after a 2xx: the batch is sent again
/// (at least once), and the order still holds.
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
        var settings = SettingsFor(receiver);
        var account = GrainAccount.Fresh();
        receiver.Plan(account.Waba, [.. Enumerable.Repeat(Answer.Ok, DeliveredBeforeStop), .. Enumerable.Repeat(Answer.Fail(503), 10_000)]);
        int total;

        await using (var first = await WabaCluster.StartAsync(db, serviceId, clusterId, settings: settings))
        {
            await GrainAccount.LiveAsync(first.GrainFactory, account, Ids.Phone());
            total = (await account.EventsAsync(first.GrainFactory)).Count;
            var notifier = first.GrainFactory.GetGrain<IAccountNotifierGrain>(account.Waba);
            await Eventually.ReachedAsync(() => Task.FromResult(receiver.RequestsFor(account.Waba).Count), n => n > DeliveredBeforeStop + 1,
                Settings.Timeout, "failed attempts after the first deliveries", Settings.ProbeMayFail);
            Assert.Equal(DeliveredBeforeStop, await notifier.GetDeliveredAsync());
            await first.StopAllSilosAsync().WaitAsync(Settings.Timeout);
        }

        Assert.True(total > DeliveredBeforeStop + 2, $"the history has {total} events");
        var beforeRestart = receiver.RequestsFor(account.Waba).Count;
        receiver.Heal(account.Waba);

        await using var second = await WabaCluster.StartAsync(db, serviceId, clusterId, settings: settings);
        await Eventually.ReachedAsync(() => Task.FromResult(receiver.Delivered(account.Waba).Count), n => n >= total,
            Settings.Timeout, $"all {total} events delivered after the restart", Settings.ProbeMayFail);

        var delivered = receiver.Delivered(account.Waba);
        Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), delivered.Select(e => e.Sequence));
        Assert.Equal(DeliveredBeforeStop + 1, receiver.RequestsFor(account.Waba)[beforeRestart].Payload.Events[0].Sequence);
        Assert.All(receiver.RequestsFor(account.Waba), r => Assert.True(r.SignatureValid));
        Assert.Equal(total.ToString(CultureInfo.InvariantCulture), delivered[^1].Id.Split(':')[1]);
        Assert.Equal(total, await second.GrainFactory.GetGrain<IAccountNotifierGrain>(account.Waba).GetDeliveredAsync());
    }

    [Fact]
    public async Task ADeliveryWhoseCursorWriteFailedIsSentAgainAndOrderHolds()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var receiver = await StartAsync();
        await using var cluster = await WabaCluster.StartAsync(db, $"svc-{Ids.Short()}", $"cluster-{Ids.Short()}", settings: SettingsFor(receiver));
        var account = GrainAccount.Fresh();
        receiver.Plan(account.Waba, [.. Enumerable.Repeat(Answer.Fail(503), 10_000)]);
        await GrainAccount.LiveAsync(cluster.GrainFactory, account, Ids.Phone());
        var total = (await account.EventsAsync(cluster.GrainFactory)).Count;
        await Eventually.ReachedAsync(() => Task.FromResult(receiver.RequestsFor(account.Waba).Count), n => n >= 1, Settings.Timeout, "a refused attempt", Settings.ProbeMayFail);

        // The endpoint takes the events now, but no grain state can be written: each 2xx is followed
        // by a failed cursor write, as if the silo had died between the two.
        await using (await RefusedWrites.OnAsync(db, "orleans_storage"))
        {
            receiver.Heal(account.Waba);
            await Eventually.ReachedAsync(() => Task.FromResult(receiver.Delivered(account.Waba).Count(e => e.Sequence == 1)), n => n >= 2,
                Settings.Timeout, "event 1 delivered again after its cursor write failed", Settings.ProbeMayFail);
        }

        await Eventually.ReachedAsync(() => Task.FromResult(receiver.Delivered(account.Waba).Select(e => e.Sequence).Distinct().Count()), n => n == total,
            Settings.Timeout, $"all {total} events delivered once the writes succeed", Settings.ProbeMayFail);
        var sequences = receiver.Delivered(account.Waba).Select(e => e.Sequence).ToList();
        Assert.Equal(1, sequences[0]);
        for (var i = 1; i < sequences.Count; i++)
        {
            // In order: each delivery repeats the previous event or is the next one; none is skipped.
            Assert.InRange(sequences[i], 1, sequences[i - 1] + 1);
        }

        Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), sequences.Distinct().Order());
        await Eventually.ReachedAsync(() => cluster.GrainFactory.GetGrain<IAccountNotifierGrain>(account.Waba).GetDeliveredAsync().AsTask(),
            n => n == total, Settings.Timeout, "the cursor at the last event", Settings.ProbeMayFail);
    }

    [Fact]
    public async Task EventsWhosePokesAreAllLostStillReachTheEndpointThroughTheReminder()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var receiver = await StartAsync();
        var settings = SettingsFor(receiver);
        settings[Settings.LosePokesKey] = "true";
        await using var cluster = await WabaCluster.StartAsync(db, $"svc-{Ids.Short()}", $"cluster-{Ids.Short()}", settings: settings);
        var account = GrainAccount.Fresh();

        // Every change's poke is lost, as when a silo dies right after its commit: only the reminder the
        // notifier armed before each commit can wake it, and nothing else touches the account.
        await GrainAccount.LiveAsync(cluster.GrainFactory, account, Ids.Phone());
        var total = (await account.EventsAsync(cluster.GrainFactory)).Count;

        await Eventually.ReachedAsync(() => Task.FromResult(receiver.Delivered(account.Waba).Count), n => n >= total,
            Settings.Timeout, $"all {total} events delivered without a single poke", Settings.ProbeMayFail);
        Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), receiver.Delivered(account.Waba).Select(e => e.Sequence));
    }

    private static Dictionary<string, string> SettingsFor(WabaActors.Tests.Shared.StubReceiver receiver) => new()
    {
        ["WabaActors:Notifications:Enabled"] = "true",
        ["WabaActors:Notifications:Endpoint"] = receiver.Endpoint.ToString(),
        ["WabaActors:Notifications:Secret"] = Secret,
        ["WabaActors:Notifications:BatchSize"] = "1",
        ["WabaActors:Notifications:BackoffInitial"] = "00:00:00.100",
        ["WabaActors:Notifications:BackoffMax"] = "00:00:00.500",
        ["WabaActors:Grains:ReminderPeriod"] = "00:00:02",
    };
}
