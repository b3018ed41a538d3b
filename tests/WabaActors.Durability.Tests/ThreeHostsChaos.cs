using WabaActors.Contracts.Messaging;
using WabaActors.Durability.Tests.Support;
using Xunit.Abstractions;

namespace WabaActors.Durability.Tests;

/// <summary>
/// Issue 20's chaos run, as <c>deploy/cluster-local.sh</c> deploys it: three real host processes (three
/// silos, three HTTP ports) on one PostgreSQL. Two accounts take inbound messages, session permits and
/// template permits (more than their limit) through all three ports at once, and the second host is
/// SIGKILLed twice under that load and started again on its ports. Every answer is a 200 or a
/// retriable 503 problem; every acknowledged window and grant is still answered the same afterwards,
/// through any host; no account counts more template recipients than its limit.
/// </summary>
public sealed class ThreeHostsChaos(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Victim = 1;
    private readonly HostProcess?[] _hosts = new HostProcess?[3];
    private readonly List<HostProcess> _started = [];
    private readonly (int Silo, int Gateway)[] _ports = [.. Enumerable.Range(0, 3).Select(_ => (HostProcess.FreePort(), HostProcess.FreePort()))];
    private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();
    private readonly List<string> _report = [];
    private TestDatabase? _db;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        foreach (var host in _started)
        {
            await host.DisposeAsync();
        }

        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    [Fact]
    public async Task EveryAnswerIsA200OrA503AndNothingAcknowledgedIsLostOrOverGranted()
    {
        try
        {
            await RunAsync(_db!);
        }
        catch (Exception e) when (e is not HostFailedException)
        {
            throw new HostFailedException($"{e.Message}\n{string.Join('\n', _report)}\n{string.Join('\n', _started.Select(h => h.Output))}", e);
        }
        finally
        {
            output.WriteLine(string.Join("\n", _report));
        }
    }

    private async Task RunAsync(TestDatabase db)
    {
        await Task.WhenAll(Enumerable.Range(0, 3).Select(i => StartAsync(i, db)));
        var accounts = new List<(HttpAccount Account, string[] Phones)>();
        for (var i = 0; i < 2; i++)
        {
            string[] phones = [Ids.Phone(), Ids.Phone()];
            accounts.Add((await HttpAccount.LiveAsync(Host(i).Http, phones), phones));
        }

        var limit = Limit(await accounts[0].Account.ViewAsync(Host(0).Http));
        var plan = ChaosOp.Plan(accounts, windows: 30, templates: limit + 20);
        var ledger = new ChaosLedger();
        _report.Add($"3 hosts ready at {Seconds} s; 2 accounts (limit {limit}), {plan.Count} requests");

        // Before: a fifth of the load on three healthy hosts.
        var fifth = plan.Count / 5;
        await RunAsync(plan[..fifth], ledger);

        // Twice: SIGKILL the second host once 10 more answers are in, while twelve callers keep sending the
        // phase (round and round: a request sent again is a retry with its message id) until 40 answers came
        // after the kill through the two others; then start it again on its ports and check.
        for (var kill = 1; kill <= 2; kill++)
        {
            var phase = plan[(fifth * kill)..(fifth * (kill + 1))];
            var (beforeKill, afterKill) = (Signal(), Signal());
            var (killTarget, settledTarget, stop) = (ledger.Responses + 10, int.MaxValue, false);
            var during = RunAsync(phase, ledger, () =>
            {
                if (ledger.Responses >= killTarget)
                {
                    beforeKill.TrySetResult();
                }

                if (ledger.Responses >= Volatile.Read(ref settledTarget))
                {
                    afterKill.TrySetResult();
                }
            }, () => !Volatile.Read(ref stop));
            try
            {
                await beforeKill.Task.WaitAsync(Settings.Timeout);
                await Host(Victim).KillAsync();
                var killedAt = Seconds;
                Volatile.Write(ref settledTarget, ledger.Responses + 40);
                await afterKill.Task.WaitAsync(Settings.Timeout);
                _report.Add($"kill {kill} at {killedAt} s; 40 answers after it at {Seconds} s");
            }
            finally
            {
                Volatile.Write(ref stop, true);
                await during;
            }

            _report.Add($"phase {kill} done at {Seconds} s: {ledger.Summary}");
            await StartAsync(Victim, db);
            _report.Add($"host {Victim + 1} ready again at {Seconds} s");
            await VerifyAsync(accounts, ledger, limit, final: false);
        }

        // The rest, then every request that got no acknowledgement again (same message id) until each has one.
        await RunAsync(plan[(fifth * 3)..], ledger);
        await Eventually.Until(
            async () =>
            {
                await RunAsync([.. ledger.Pending.Keys.OrderBy(o => o.Index)], ledger);
                return ledger.Pending.IsEmpty;
            },
            Settings.Timeout, $"every request acknowledged ({ledger.Summary})");
        _report.Add($"all acknowledged at {Seconds} s: {ledger.Summary}");

        await VerifyAsync(accounts, ledger, limit, final: true);
        Assert.True(ledger.WrongAnswers.IsEmpty, string.Join('\n', ledger.WrongAnswers));
        Assert.True(ledger.SessionGrants > 0, ledger.Summary);
        Assert.True(ledger.Permits.Values.Count(d => d.Reason == DenialReason.TemplateRecipientLimitReached) > 0, ledger.Summary);
        Assert.False(ledger.NoAnswer.IsEmpty && ledger.Unavailable.IsEmpty, $"the kills hit no request: {ledger.Summary}");
    }

    /// <summary>
    /// Twelve callers; each request goes to the host of its index (all three ports take load). Every request
    /// is sent once; while <paramref name="more"/> says so, the callers go round again (the same requests:
    /// retries with their message ids).
    /// </summary>
    private async Task RunAsync(IReadOnlyList<ChaosOp> ops, ChaosLedger ledger, Action? answered = null, Func<bool>? more = null)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < ops.Count || more?.Invoke() == true; i = Interlocked.Increment(ref next))
            {
                var op = ops[i % ops.Count];
                await ledger.SendAsync(Host(op.Index % 3).Http, op);
                answered?.Invoke();
            }
        })));
    }

    private static TaskCompletionSource Signal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Everything acknowledged so far, asked through a host other than the one that answered: windows
    /// open to the microsecond, template grants replayed with the same count, session grants resting on
    /// their customer's window; per account the recipients counted = the rows stored ≤ the limit, and each
    /// counted recipient is one whose grant was tried (at the end, once all are acknowledged: exactly those granted).
    /// </summary>
    private async Task VerifyAsync(List<(HttpAccount Account, string[] Phones)> accounts, ChaosLedger ledger, int limit, bool final)
    {
        Assert.True(ledger.WrongAnswers.IsEmpty, string.Join('\n', ledger.WrongAnswers));
        var checks = new ChaosLedger();
        foreach (var (op, window) in ledger.Windows)
        {
            var http = Host((op.Index + 1) % 3).Http;
            var now = await Eventually.ReachedAsync(() => op.Account.WindowAsync(http, op.Phone, op.Customer), _ => true, Settings.Timeout, "a window", Settings.ProbeMayFail);
            Assert.True(now.Open, $"acknowledged window of {op.Customer} is closed");
            Assert.Equal(Micro.Truncate(window.ExpiresAt), Micro.Truncate(now.ExpiresAt));
        }

        var grants = ledger.Permits.Where(p => p.Value.Allowed && p.Key.Kind == ChaosKind.Template).ToList();
        foreach (var (op, decision) in grants)
        {
            await Eventually.Until(
                async () =>
                {
                    await checks.SendAsync(Host((op.Index + 2) % 3).Http, op);
                    return checks.Permits.ContainsKey(op) || !checks.WrongAnswers.IsEmpty;
                },
                Settings.Timeout, $"replay of {op.MessageId}");
            Assert.True(checks.WrongAnswers.IsEmpty, string.Join('\n', checks.WrongAnswers));
            var replay = checks.Permits[op];
            Assert.True(replay.Allowed, $"replay of acknowledged grant {op.MessageId} denied: {replay.Reason}");
            Assert.Equal(decision.TemplateRecipients, replay.TemplateRecipients);
        }

        var windows = ledger.Windows.ToDictionary(w => (w.Key.Account, w.Key.Customer), w => w.Value);
        foreach (var (op, session) in ledger.Permits.Where(p => p.Value.Allowed && p.Key.Kind == ChaosKind.Session))
        {
            // The inbound message may still be unacknowledged (committed, its answer lost): then only later.
            if (windows.TryGetValue((op.Account, op.Customer), out var window))
            {
                Assert.Equal(Micro.Truncate(window.ExpiresAt), Micro.Truncate(session.WindowExpiresAt));
            }
        }

        foreach (var (account, _) in accounts)
        {
            var quotaKey = "account:" + account.Waba;
            var stored = await _db!.ColumnAsync("SELECT DISTINCT customer FROM waba_quota_grant WHERE quota_key = $1 AND counted_at > now() - interval '24 hours'", quotaKey);
            var used = Limit(await account.ViewAsync(Host(2).Http), "used");
            var sent = ledger.CountedGrants.Where(g => g.Op.Account == account).Select(g => g.Op.Customer).ToHashSet();
            var tried = ledger.Permits.Keys.Concat(ledger.Pending.Keys).Where(o => o.Account == account && o.Kind == ChaosKind.Template).Select(o => o.Customer).ToHashSet();
            Assert.True(used <= limit, $"{account.Waba}: templateRecipients.used = {used} > {limit}");
            Assert.Equal(stored.Count, used);
            Assert.Subset(stored.ToHashSet(), sent);
            Assert.Subset(tried, stored.ToHashSet());
            if (final)
            {
                // Every request acknowledged: a grant committed without its answer was answered by its retry.
                Assert.Equal(sent.Order(), stored.Order());
            }
        }

        _report.Add($"verified at {Seconds} s: {ledger.Windows.Count} windows, {grants.Count} template grants replayed, " +
                    $"{ledger.SessionGrants} session grants on their windows");
    }

    private HostProcess Host(int i) => _hosts[i] ?? throw new InvalidOperationException($"host {i + 1} is not running");

    private string Seconds => _watch.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    private static int Limit(System.Text.Json.JsonElement view, string field = "limit") =>
        view.GetProperty("limits").GetProperty("templateRecipients").GetProperty(field).GetInt32();

    /// <summary>Starts host <paramref name="i"/> on its cluster ports and a free HTTP port.</summary>
    private async Task StartAsync(int i, TestDatabase db)
    {
        var host = await HostProcess.StartOnFreePortAsync($"host-{i + 1}", db.ConnectionString, _ports[i].Silo, _ports[i].Gateway, output.WriteLine);
        lock (_started)
        {
            _started.Add(host);
        }

        _hosts[i] = host;
    }
}
