using System.Globalization;
using StackExchange.Redis;

namespace WabaActors.Benchmarks;

/// <summary>
/// The peer a team would pick instead of grains + PostgreSQL: Redis with <c>appendfsync always</c>
/// (each write fsynced to the AOF before the reply) and the rules as one Lua script
/// (<c>RedisPermit.lua</c>, EVALSHA). Same workload shape as <see cref="DurableScenarios"/>:
/// alternately a window opened on one of <see cref="DurableScenarios.Numbers"/> numbers and a
/// template permit counted on one of <see cref="DurableScenarios.Quotas"/> quotas (a new customer,
/// no window, a limit never reached — so every op is one durable change, as in ours).
/// </summary>
public sealed class RedisPeer : IAsyncDisposable
{
    /// <summary>High enough that no quota fills during a run: every template permit counts (a write).</summary>
    public const int Limit = 1_000_000;

    private const long Day = 86_400_000;

    private readonly ConnectionMultiplexer[] _connections;
    private readonly byte[] _sha;
    private readonly string _prefix;
    private readonly long _start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private RedisPeer(ConnectionMultiplexer[] connections, byte[] sha, string prefix) =>
        (_connections, _sha, _prefix) = (connections, sha, prefix);

    /// <summary>The server's persistence settings, as it reports them (<c>CONFIG GET</c>).</summary>
    public string Persistence { get; private set; } = "";

    /// <summary>Connects <paramref name="connections"/> multiplexers to <paramref name="endpoint"/> (host:port) and loads the script.</summary>
    public static async Task<RedisPeer> CreateAsync(string endpoint, int connections)
    {
        var options = ConfigurationOptions.Parse(endpoint);
        options.AbortOnConnectFail = true;
        options.AllowAdmin = true; // CONFIG GET, to print the persistence settings measured
        options.SyncTimeout = options.AsyncTimeout = 30_000;
        var multiplexers = new ConnectionMultiplexer[connections];
        for (var c = 0; c < connections; c++)
        {
            multiplexers[c] = await ConnectionMultiplexer.ConnectAsync(options);
        }

        var server = multiplexers[0].GetServer(multiplexers[0].GetEndPoints()[0]);
        var sha = await server.ScriptLoadAsync(await ScriptAsync());
        var peer = new RedisPeer(multiplexers, sha, $"b{DateTime.UtcNow:HHmmss}:");
        var settings = await server.ConfigGetAsync("append*");
        var save = await server.ConfigGetAsync("save");
        peer.Persistence = string.Join(", ", settings.Concat(save).Where(s => s.Key is "appendonly" or "appendfsync" or "save")
            .Select(s => $"{s.Key} {(s.Value.Length == 0 ? "''" : s.Value)}"))
            + $"; redis {server.Version}";
        return peer;
    }

    /// <summary>The workload op <paramref name="i"/>: even, a window opened; odd, a template permit that counts.</summary>
    public async Task OpAsync(long i)
    {
        var db = _connections[(int)(i % _connections.Length)].GetDatabase();
        var phone = Phone(i);
        var customer = Customer(i);
        if (i % 2 == 0)
        {
            await Inbound(db, phone, customer, _start + (i / 1000));
            return;
        }

        var answer = await Permit(db, phone, QuotaKey(i), customer, "template", $"m{i}", Now(), Limit);
        if (!answer.StartsWith("allowed counted", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"op {i}: expected a counted grant, got '{answer}'");
        }
    }

    /// <summary>The rules, on their own keys: each outcome of the script once (throws on the first wrong answer).</summary>
    public async Task CheckRulesAsync()
    {
        var db = _connections[0].GetDatabase();
        var now = Now();
        const string Phone = "420600000001";
        const string Quota = "check";
        await Expect("session, no window", Permit(db, Phone, Quota, "111111", "session", "c1", now, 2), "denied customer_service_window_closed");
        await Expect("inbound", Inbound(db, Phone, "111111", now - 1000), (now - 1000 + Day).ToString(CultureInfo.InvariantCulture));
        await Expect("older inbound keeps the later expiry", Inbound(db, Phone, "111111", now - 5000), (now - 1000 + Day).ToString(CultureInfo.InvariantCulture));
        await Expect("session in window", Permit(db, Phone, Quota, "111111", "session", "c2", now, 2), $"allowed window {now - 1000 + Day}");
        await Expect("template in window, not counted", Permit(db, Phone, Quota, "111111", "template", "c3", now, 2), $"allowed window {now - 1000 + Day}");
        await Expect("template counts", Permit(db, Phone, Quota, "222222", "template", "c4", now - 10, 2), "allowed counted 1/2");
        await Expect("replay", Permit(db, Phone, Quota, "222222", "template", "c4", now, 2), "allowed counted 1/2");
        await Expect("reused id", Permit(db, Phone, Quota, "333333", "template", "c4", now, 2), "reused");
        await Expect("counted customer again", Permit(db, Phone, Quota, "222222", "template", "c5", now, 2), "allowed recounted");
        await Expect("second counts", Permit(db, Phone, Quota, "333333", "template", "c6", now, 2), "allowed counted 2/2");
        await Expect("limit", Permit(db, Phone, Quota, "444444", "template", "c7", now, 2), $"denied template_recipient_limit_reached {now - 10 + Day}");
        await Expect("a day later the oldest slot is free", Permit(db, Phone, Quota, "444444", "template", "c8", now - 10 + Day, 2), "allowed counted 2/2");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }

    private async Task<string> Inbound(IDatabase db, string phone, string customer, long timestampMs) =>
        (string?)await db.ScriptEvaluateAsync(_sha, [_prefix + "w:" + phone + ":" + customer], ["inbound", timestampMs]) ?? "";

    private async Task<string> Permit(IDatabase db, string phone, string quota, string customer, string type, string messageId, long nowMs, int limit) =>
        (string?)(await db.ScriptEvaluateAsync(
            _sha,
            [_prefix + "w:" + phone + ":" + customer, _prefix + "q:" + quota, _prefix + "g:" + phone + ":" + messageId],
            ["permit", nowMs, customer, type, limit])) ?? "";

    private static async Task Expect(string what, Task<string> answer, string expected)
    {
        var actual = await answer;
        if (actual != expected)
        {
            throw new InvalidOperationException($"rules check '{what}': expected '{expected}', got '{actual}'");
        }
    }

    private static async Task<string> ScriptAsync()
    {
        await using var stream = typeof(RedisPeer).Assembly.GetManifestResourceStream("RedisPermit.lua")
            ?? throw new InvalidOperationException("RedisPermit.lua is not embedded");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static string Phone(long i) => string.Create(CultureInfo.InvariantCulture, $"42060{i % DurableScenarios.Numbers:D7}");

    private static string QuotaKey(long i) => string.Create(CultureInfo.InvariantCulture, $"account:bench-{i / 2 % DurableScenarios.Quotas}");

    private static string Customer(long i) => (420_700_000_000 + i).ToString(CultureInfo.InvariantCulture);
}
