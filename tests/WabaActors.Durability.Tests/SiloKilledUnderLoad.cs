using Orleans.Runtime;
using Orleans.TestingHost;
using WabaActors.Contracts;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Messaging;
using WabaActors.Durability.Tests.Support;
using Xunit.Abstractions;

namespace WabaActors.Durability.Tests;

/// <summary>
/// Two silos, and the capacity test's three, on PostgreSQL membership: one account (limit 50) with two
/// numbers under concurrent template permits and inbound messages; the silo holding the template quota
/// is killed (ungracefully, in process) in the middle and its grains reactivate on the others. Whatever was acknowledged is still answered the same afterwards, and no more than 50
/// distinct customers ever got a counted template slot.
/// </summary>
public class SiloKilledUnderLoad(ITestOutputHelper output)
{
    private const int Limit = 50;

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task AcknowledgedWindowsAndGrantsSurviveAndTheLimitHoldsAcrossTheKill(int silos)
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var cluster = await WabaCluster.StartAsync(db, $"svc-{Ids.Short()}", $"cluster-{Ids.Short()}", silos: (short)silos);
        var grains = cluster.Client;
        string[] phones = [Ids.Phone(), Ids.Phone()];
        var account = await GrainAccount.LiveAsync(grains, phones);
        var plan = Load.Plan(phones, templates: 120, inbound: 120);
        var acks = new Acks();

        async Task<object> Send(LoadOp op)
        {
            var number = GrainAccount.Number(grains, op.Phone);
            return op.Kind == OpKind.Inbound
                ? Answer(await number.RecordInboundAsync(account.Scope, new InboundMessage(op.Customer, op.MessageId, op.Timestamp)))
                : Answer(await number.RequestPermitAsync(account.Scope, new PermitRequest(op.Customer, MessageKind.Template, op.MessageId)));
        }

        // Before: 20 templates (20 recipients counted) and 20 inbound messages.
        await Load.RunAsync(plan[..40], 8, Send, acks);
        Assert.Equal(20, acks.CountedGrants.Count());

        // Kill the silo that holds the quota (and whichever numbers live there) while 60 more requests run.
        var management = grains.GetGrain<IManagementGrain>(0);
        var quotaSilo = await management.GetActivationAddress(grains.GetGrain<ITemplateQuotaGrain>(account.QuotaKey));
        Assert.NotNull(quotaSilo);
        var victim = cluster.Silos.Single(s => s.SiloAddress.Equals(quotaSilo));
        var numbersThere = 0;
        foreach (var phone in phones)
        {
            numbersThere += quotaSilo.Equals(await management.GetActivationAddress(GrainAccount.Number(grains, phone))) ? 1 : 0;
        }

        // A grant is in flight at the kill: the quota's commits are held at the database until the silo is dead.
        var before = acks.Count;
        Task during;
        long waitingAtKill;
        int answeredAtKill;
        Task kill;
        await using (var stall = await QuotaRowLock.HoldAsync(db, account.QuotaKey))
        {
            during = Load.RunAsync(plan[40..100], 8, Send, acks);
            waitingAtKill = await Eventually.ReachedAsync(() => QuotaRowLock.WaitingAsync(db, "waba_quota_grant"), n => n >= 1, Settings.Timeout, "a grant waiting for its commit", Settings.ProbeMayFail);
            answeredAtKill = acks.Count - before;
            kill = cluster.KillSiloAsync(victim);

            // The held commit is let go once the victim is out of the cluster (stopping waits for its stuck turn).
            await Eventually.ReachedAsync(
                () => db.ScalarAsync<int>("SELECT status FROM orleans_membership WHERE port = $1 AND generation = $2", victim.SiloAddress.Endpoint.Port, victim.SiloAddress.Generation),
                status => status == 6,
                Settings.Timeout, "the killed silo dead in orleans_membership", Settings.ProbeMayFail);
        }

        await kill.WaitAsync(Settings.Timeout);

        // What the in-process kill left of the silo (its connections, its group-commit writer) goes too, as with a dead process.
        await Task.Run(() => ((InProcessSiloHandle)victim).SiloHost.Dispose()).WaitAsync(Settings.Timeout);
        await during;
        var afterKill = acks.Summary;

        // The survivors alone; then the requests that failed are retried (same message ids), and the rest run.
        await Eventually.ReachedAsync(async () => (await management.GetHosts(onlyActive: true)).Count, n => n == silos - 1, Settings.Timeout, $"{silos - 1} active silos", Settings.ProbeMayFail);
        var failed = acks.Failures.Keys.OrderBy(o => o.Index).ToList();
        await Load.RunAsync(failed, 8, Send, acks);
        await Load.RunAsync(plan[100..], 8, Send, acks);

        var epochs = string.Join(", ", await db.ColumnAsync(
            "SELECT 'epoch ' || epoch || ': ' || count(*) FROM waba_quota_grant WHERE quota_key = $1 GROUP BY epoch ORDER BY epoch", account.QuotaKey));
        output.WriteLine($"killed {victim.SiloAddress} (quota and {numbersThere} of 2 numbers); {before} answers before the stall; the kill landed with " +
                         $"{waitingAtKill} grant waiting for its commit, {answeredAtKill} answered during the stall; " +
                         $"after the kill: {afterKill}; {failed.Count} retried; at the end: {acks.Summary}; " +
                         $"rows per quota epoch: {epochs}");
        Assert.Empty(acks.Refusals);

        // The grants in flight at the kill (at least one, waited for above) end one of two ways, a race
        // the test does not control: their callers hear the kill and retry (usually), or the dead silo's
        // held commit goes through once the stall is released and its late answer arrives first. Either
        // way each acknowledged grant must be in the table once and replay the same, as checked below.

        // Every acknowledged window is open with the same expiry; every grant replays the same.
        foreach (var (op, window) in acks.Windows)
        {
            var now = (await GrainAccount.Number(grains, op.Phone).GetWindowAsync(account.Scope, op.Customer)).Ok();
            Assert.True(now.Open, $"acknowledged window of {op.Customer} is closed");
            Assert.Equal(Micro.Truncate(window.ExpiresAt), Micro.Truncate(now.ExpiresAt));
        }

        foreach (var (op, decision) in acks.Permits.Where(p => p.Value.Allowed))
        {
            var replay = (await GrainAccount.Number(grains, op.Phone).RequestPermitAsync(account.Scope, new PermitRequest(op.Customer, MessageKind.Template, op.MessageId))).Ok();
            Assert.True(replay.Allowed, $"replay of acknowledged grant {op.MessageId} denied: {replay.Reason}");
            Assert.Equal(decision.TemplateRecipients, replay.TemplateRecipients);
        }

        // The limit: no more than 50 distinct customers counted, acknowledged or in the table, and no slot handed out twice.
        var counted = acks.CountedGrants.ToList();
        var ackedCustomers = counted.Select(g => g.Op.Customer).ToHashSet();
        var storedCustomers = (await db.ColumnAsync(
            "SELECT DISTINCT customer FROM waba_quota_grant WHERE quota_key = $1 AND counted_at > now() - interval '24 hours'", account.QuotaKey)).ToHashSet();
        Assert.True(storedCustomers.Count <= Limit, $"{storedCustomers.Count} distinct customers counted in waba_quota_grant");
        Assert.True(ackedCustomers.Count <= Limit, $"{ackedCustomers.Count} distinct customers acknowledged a counted grant");
        Assert.Subset(storedCustomers, ackedCustomers);
        Assert.Equal(counted.Count, counted.Select(g => g.Decision.TemplateRecipients!.Used).Distinct().Count());
        Assert.All(counted, g => Assert.InRange(g.Decision.TemplateRecipients!.Used, 1, Limit));

        // The limit was really reached after the failover, and the account says what the table says.
        Assert.True(acks.Denials(DenialReason.TemplateRecipientLimitReached) > 0, acks.Summary);
        var usage = await grains.GetGrain<ITemplateQuotaGrain>(account.QuotaKey).UsageAsync(Limit);
        Assert.Equal(storedCustomers.Count, usage.Used);
        Assert.Equal(storedCustomers.Count, (await account.ViewAsync(grains)).Limits.TemplateRecipients.Used);
    }

    private static object Answer<T>(Reply<T> reply) => reply.IsSuccess ? reply.Value! : $"{reply.Failure!.Code}: {reply.Failure.Message}";
}
