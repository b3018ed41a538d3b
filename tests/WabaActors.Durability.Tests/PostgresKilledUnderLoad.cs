using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using WabaActors.Contracts.Messaging;
using WabaActors.Durability.Tests.Support;
using Xunit.Abstractions;

namespace WabaActors.Durability.Tests;

/// <summary>
/// Issue 20, item 1: the host on a PostgreSQL of this test's own, under steady load (inbound messages,
/// template permits to new recipients, session permits; 8 callers, 2 accounts), and the database
/// crashes (<c>pg_ctl -m immediate stop</c>) until the outage has been answered plenty, then starts
/// again on the same data. Every answer is 2xx or a documented 503 with <c>Retry-After</c> — never a
/// 500; <c>/health/ready</c> turns 503 within 5 s of the crash and 200 within 5 s of the return while
/// <c>/health/live</c> stays 200; the host serves again without a restart; the outage is logged in a
/// bounded number of lines without a stack per call; and after a restart every acknowledged window and
/// template grant is still there, with no account over its recipient limit.
/// </summary>
public sealed class PostgresKilledUnderLoad(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Limit = 50;
    private const int Callers = 8;
    private static readonly TimeSpan Flip = TimeSpan.FromSeconds(5);
    private static readonly string[] Documented503 = ["storage_unavailable", "quota_unavailable", "timeout", "silo_unavailable"];

    /// <summary>A console log entry's first line at warning level or above: its level and category[event id].</summary>
    private static readonly System.Text.RegularExpressions.Regex LogEntry = new(@"\| \S+ (warn|fail|crit): (\S+)$");

    private readonly List<HostProcess> _hosts = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private PrivatePostgres? _pg;

    public async Task InitializeAsync() => _pg = await PrivatePostgres.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        if (_pg is not null)
        {
            await _pg.DisposeAsync();
        }
    }

    [Fact]
    public async Task AnOutageIsAnswered503AndNothingAcknowledgedIsLost()
    {
        try
        {
            await RunAsync(_pg!);
        }
        catch (Exception e) when (e is not HostFailedException)
        {
            throw new HostFailedException($"{e.Message}\n{string.Join('\n', _hosts.Select(h => h.Output))}", e);
        }
    }

    private async Task RunAsync(PrivatePostgres pg)
    {
        var (siloPort, gatewayPort) = (HostProcess.FreePort(), HostProcess.FreePort());
        var host = await StartAsync("host-1", pg, siloPort, gatewayPort);
        LoadAccount[] accounts = [await LiveAsync(host), await LiveAsync(host)];
        var load = new OutageLoad(host.Http, accounts, _clock);
        var health = new HealthWatch(host.Http, _clock);
        using var stop = new CancellationTokenSource();
        var watching = health.RunAsync(stop.Token);
        var loading = load.RunAsync(Callers, stop.Token);

        // Before: the load is served.
        await Eventually.Until(() => Task.FromResult(load.Acknowledged >= 300), Settings.Timeout, "300 answers before the crash");
        var linesBefore = host.Lines().Length;

        // The crash, held until the outage has been answered plenty (200 errors) and the host reported it
        // not ready (or failed to within twice the time allowed: the assertions below say which).
        await pg.KillAsync();
        var killedAt = _clock.Elapsed;
        await Eventually.Until(
            () => Task.FromResult(load.Answers.Count(a => a.At > killedAt && a.Status >= 500) >= 200
                                  && (health.FirstReady(503, killedAt) is not null || _clock.Elapsed - killedAt > 2 * Flip)),
            Settings.Timeout, "200 errors answered during the outage");
        await pg.ResumeAsync();
        var resumedAt = _clock.Elapsed;

        // After: served again by the same process, until 300 more answers are in.
        var acknowledgedAtResume = load.Acknowledged;
        await Eventually.Until(() => Task.FromResult(load.Acknowledged >= acknowledgedAtResume + 300 && health.FirstReady(200, resumedAt) is not null),
            Settings.Timeout, "300 answers and /health/ready 200 after the return, without a restart");
        await stop.CancelAsync();
        await Task.WhenAll(loading, watching);
        Assert.False(host.HasExited);
        var faultLines = host.Lines()[linesBefore..];

        var answers = load.Answers.ToList();
        output.WriteLine($"crash at {killedAt.TotalSeconds:0.0} s, return at {resumedAt.TotalSeconds:0.0} s; ready 503 at {health.FirstReady(503, killedAt)?.TotalSeconds:0.0} s, " +
                         $"200 at {health.FirstReady(200, resumedAt)?.TotalSeconds:0.0} s; {answers.Count} answers: " +
                         string.Join(", ", answers.GroupBy(a => (a.Status, a.Code)).Select(g => $"{g.Count()}× {g.Key.Status} {g.Key.Code}")) +
                         $"; {load.Unanswered.Count} unanswered; {load.Windows.Count} windows and {load.Grants.Count} grants acknowledged; {faultLines.Length} lines logged since the crash");

        // Only 2xx, or a documented 503 with Retry-After; every call answered.
        var wrong = answers.Where(a => a.Status is < 200 or >= 300
            && !(a.Status == 503 && Documented503.Contains(a.Code) && int.TryParse(a.RetryAfter, out var s) && s is >= 1 and <= 5)).ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} answers neither 2xx nor a documented 503 with Retry-After: " +
                                      string.Join(", ", wrong.GroupBy(a => (a.Call, a.Status, a.Code, a.RetryAfter)).Select(g => $"{g.Count()}× {g.Key}")));
        Assert.Contains(answers, a => a.At > killedAt && a.Code == "storage_unavailable");
        Assert.True(load.Unanswered.IsEmpty, $"calls without an answer: {string.Join("; ", load.Unanswered.Take(10))}");

        // Ready flips both ways within 5 s; live never fails.
        Assert.True(health.FirstReady(503, killedAt) - killedAt <= Flip, $"/health/ready 503 only at {health.FirstReady(503, killedAt)} (crash at {killedAt})");
        Assert.True(health.FirstReady(200, resumedAt) - resumedAt <= Flip, $"/health/ready 200 only at {health.FirstReady(200, resumedAt)} (return at {resumedAt})");
        Assert.All(health.Probes, p => Assert.Equal(200, p.Live));

        // The outage logged by kind and interval: a bounded number of warnings and errors, no stack trace per call.
        var entries = faultLines.Select(l => LogEntry.Match(l)).Where(m => m.Success).Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value}").ToList();
        var stackFrames = faultLines.Count(l => l.Split("| ", 2) is [_, var text] && text.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        var logged = string.Join(", ", entries.GroupBy(e => e).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()}× {g.Key}"));
        output.WriteLine($"logged since the crash: {entries.Count} warnings and errors, {stackFrames} stack frames: {logged}");
        Assert.True(entries.Count <= 40 && stackFrames <= 20, $"{entries.Count} warnings and errors, {stackFrames} stack frames logged since the crash: {logged}");

        // A new process on the same database: every acknowledged window and grant is there, no account over its limit.
        await host.DisposeAsync();
        _hosts.Remove(host);
        host = await StartAsync("host-2", pg, siloPort, gatewayPort);
        await VerifyAcknowledgedAsync(host, pg, load, accounts);
    }

    private async Task VerifyAcknowledgedAsync(HostProcess host, PrivatePostgres pg, OutageLoad load, LoadAccount[] accounts)
    {
        await Parallel.ForEachAsync(load.Windows, new ParallelOptions { MaxDegreeOfParallelism = Callers }, async (entry, _) =>
        {
            var ((account, phone, customer), window) = entry;
            var now = await account.Account.WindowAsync(host.Http, phone, customer);
            Assert.True(now.Open, $"acknowledged window of {customer} is closed after the restart");
            Assert.Equal(Micro.Truncate(window.ExpiresAt), Micro.Truncate(now.ExpiresAt));
        });

        foreach (var ((account, phone, messageId), (customer, decision)) in load.Grants)
        {
            using var replay = await OutageLoad.PermitAsync(host.Http, account, phone, customer, MessageKind.Template, messageId);
            var again = (await HttpAccount.Expect(Task.FromResult(replay))).Deserialize<PermitDecision>(HttpAccount.Json)!;
            Assert.True(again.Allowed, $"replay of acknowledged grant {messageId} denied: {again.Reason}");
            Assert.Equal(decision.TemplateRecipients, again.TemplateRecipients);
        }

        await using var db = NpgsqlDataSource.Create(pg.ConnectionString);
        foreach (var account in accounts)
        {
            var granted = load.Grants.Where(g => g.Key.Account == account).Select(g => g.Value.Customer).ToHashSet();
            var stored = new HashSet<string>();
            await using (var command = db.CreateCommand("SELECT DISTINCT customer::text FROM waba_quota_grant WHERE quota_key = $1"))
            {
                command.Parameters.AddWithValue("account:" + account.Account.Waba);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    stored.Add(reader.GetString(0));
                }
            }

            Assert.Subset(stored, granted);
            Assert.True(stored.Count <= Limit, $"{stored.Count} recipients stored for {account.Account.Waba}, over the limit of {Limit}");
            var used = (await account.Account.ViewAsync(host.Http)).GetProperty("limits").GetProperty("templateRecipients").GetProperty("used").GetInt32();
            Assert.Equal(stored.Count, used);
        }
    }

    private static async Task<LoadAccount> LiveAsync(HostProcess host)
    {
        string[] phones = [Ids.Phone(), Ids.Phone()];
        return new LoadAccount(await HttpAccount.LiveAsync(host.Http, phones), phones);
    }

    private async Task<HostProcess> StartAsync(string name, PrivatePostgres pg, int siloPort, int gatewayPort)
    {
        var host = await HostProcess.StartOnFreePortAsync(name, pg.ConnectionString, siloPort, gatewayPort, output.WriteLine);
        _hosts.Add(host);
        return host;
    }
}
