using WabaActors.Contracts.Messaging;
using WabaActors.Durability.Tests.Support;
using Xunit.Abstractions;

namespace WabaActors.Durability.Tests;

/// <summary>
/// Test 4: the real host process on PostgreSQL is killed with SIGKILL while HTTP requests are in
/// flight (a template grant in the middle of its commit), then started again on the same database.
/// Every request that got a 200 is still answered the same; the recipient count is exactly what was
/// granted and never more than 50.
/// </summary>
public sealed class HostProcessKilled(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Limit = 50;
    private readonly List<HostProcess> _hosts = [];
    private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();
    private TestDatabase? _db;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        // Whatever happened, no host outlives the test.
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    [Fact]
    public async Task AcknowledgedRequestsSurviveASigkillAndTheCountIsExact()
    {
        try
        {
            await RunAsync(_db!);
        }
        catch (Exception e) when (e is not HostFailedException)
        {
            throw new HostFailedException($"{e.Message}\n{string.Join('\n', _hosts.Select(h => h.Output))}", e);
        }
    }

    private async Task RunAsync(TestDatabase db)
    {
        var (siloPort, gatewayPort) = (HostProcess.FreePort(), HostProcess.FreePort());
        var current = await StartAsync("host-1", db, siloPort, gatewayPort);
        string[] phones = [Ids.Phone(), Ids.Phone()];
        var account = await HttpAccount.LiveAsync(current.Http, phones);
        var quotaKey = "account:" + account.Waba;
        var plan = Load.Plan(phones, templates: 160, inbound: 160);
        var acks = new Acks();
        var report = new List<string>();
        Task<object> Send(LoadOp op) => account.SendAsync(current.Http, op);

        // Before: 20 templates and 20 inbound messages, all answered.
        await Load.RunAsync(plan[..40], 8, Send, acks);
        Assert.Equal(20, acks.CountedGrants.Count());
        var events = await account.EventsAsync(current.Http);

        // Kill 1: SIGKILL in the middle of free-running load, once 5 of its 80 requests were answered (the
        // other 75 take far longer than a kill, so some are in flight or unsent when it lands).
        var before = acks.Count;
        var during = Load.RunAsync(plan[40..120], 8, Send, acks);
        await acks.CountReached(before + 5).WaitAsync(Settings.Timeout);
        await current.KillAsync();
        await during;
        report.Add($"kill 1 at {_watch.Elapsed.TotalSeconds:0.0} s (free-running load): {acks.Count - before} of 80 answered, after it {acks.Summary}");
        current = await RestartAsync("host-2", db, siloPort, gatewayPort, account, acks, quotaKey, events, report);

        // Kill 2: SIGKILL while a grant waits inside its commit (a lock held on the quota row) and the
        // requests queued behind it are in flight.
        before = acks.Count;
        await using (var stall = await QuotaRowLock.HoldAsync(db, quotaKey))
        {
            during = Load.RunAsync(plan[120..160], 8, Send, acks);
            await Eventually.ReachedAsync(() => QuotaRowLock.WaitingAsync(db, "waba_quota_grant"), n => n >= 1, Settings.Timeout, "a grant waiting for its commit", Settings.ProbeMayFail);
            await current.KillAsync();
        }

        await during;
        report.Add($"kill 2 at {_watch.Elapsed.TotalSeconds:0.0} s (a grant inside its commit): {acks.Count - before} of 40 answered, after it {acks.Summary}");
        current = await RestartAsync("host-3", db, siloPort, gatewayPort, account, acks, quotaKey, events, report);

        // Retries of what failed (same message ids), then the rest: the limit is reached and holds, and each
        // counted recipient ends up with exactly one acknowledged grant.
        var failed = acks.Failures.Keys.OrderBy(o => o.Index).ToList();
        await Load.RunAsync(failed, 8, Send, acks);
        await Load.RunAsync(plan[160..], 8, Send, acks);
        Assert.Empty(acks.Refusals);
        Assert.Empty(acks.Failures);

        var counted = acks.CountedGrants.ToList();
        var stored = await StoredCustomersAsync(db, quotaKey);
        var used = Used(await account.ViewAsync(current.Http));
        report.Add($"at {_watch.Elapsed.TotalSeconds:0.0} s: {failed.Count} retried, then the rest: {acks.Summary}; used {used}, {stored.Count} customers stored");
        output.WriteLine(string.Join("\n", report));
        Assert.True(used <= Limit, $"templateRecipients.used = {used}");
        Assert.Equal(stored.Count, used);
        Assert.Equal(counted.Select(g => g.Op.Customer).ToHashSet().Order(), stored.Order());
        Assert.Equal(counted.Count, counted.Select(g => g.Decision.TemplateRecipients!.Used).Distinct().Count());
        Assert.True(acks.Denials(DenialReason.TemplateRecipientLimitReached) > 0, acks.Summary);
    }

    /// <summary>A new process on the same database and cluster ports (it supersedes the dead silo's entry); checks everything acknowledged so far.</summary>
    private async Task<HostProcess> RestartAsync(
        string name, TestDatabase db, int siloPort, int gatewayPort, HttpAccount account, Acks acks, string quotaKey, string events, List<string> report)
    {
        Assert.True(_hosts[^1].HasExited);
        Assert.NotEmpty(acks.Failures);
        var host = await StartAsync(name, db, siloPort, gatewayPort);

        foreach (var (op, window) in acks.Windows)
        {
            var now = await account.WindowAsync(host.Http, op.Phone, op.Customer);
            Assert.True(now.Open, $"acknowledged window of {op.Customer} is closed after the restart");
            Assert.Equal(Micro.Truncate(window.ExpiresAt), Micro.Truncate(now.ExpiresAt));
        }

        foreach (var (op, decision) in acks.Permits.Where(p => p.Value.Allowed))
        {
            var replay = Assert.IsType<PermitDecision>(await account.SendAsync(host.Http, op));
            Assert.True(replay.Allowed, $"replay of acknowledged grant {op.MessageId} denied: {replay.Reason}");
            Assert.Equal(decision.TemplateRecipients, replay.TemplateRecipients);
        }

        Assert.Equal(events, await account.EventsAsync(host.Http));

        // Every acknowledged recipient is counted. A commit already sent when the process died may land
        // without its answer (PostgreSQL commits a batch it has received whether or not the client still
        // listens): counted, never lost, and answered by the retry with the same message id.
        var granted = acks.CountedGrants.Select(g => g.Op.Customer).ToHashSet();
        var stored = await StoredCustomersAsync(db, quotaKey);
        Assert.Subset(stored.ToHashSet(), granted);
        var used = Used(await account.ViewAsync(host.Http));
        Assert.Equal(stored.Count, used);
        Assert.True(used <= Limit, $"templateRecipients.used = {used}");
        report.Add($"{name} (ready at {_watch.Elapsed.TotalSeconds:0.0} s): {acks.Windows.Count} windows and {acks.Permits.Values.Count(d => d.Allowed)} grants answered the same; " +
                   $"used {used} = {stored.Count} stored, of which {stored.Count - granted.Count} committed without an answer");
        return host;
    }

    private async Task<HostProcess> StartAsync(string name, TestDatabase db, int siloPort, int gatewayPort)
    {
        var host = await HostProcess.StartOnFreePortAsync(name, db.ConnectionString, siloPort, gatewayPort, output.WriteLine);
        _hosts.Add(host);
        return host;
    }

    private static async Task<List<string>> StoredCustomersAsync(TestDatabase db, string quotaKey) =>
        await db.ColumnAsync("SELECT DISTINCT customer FROM waba_quota_grant WHERE quota_key = $1 AND counted_at > now() - interval '24 hours'", quotaKey);

    private static int Used(System.Text.Json.JsonElement view) =>
        view.GetProperty("limits").GetProperty("templateRecipients").GetProperty("used").GetInt32();
}
