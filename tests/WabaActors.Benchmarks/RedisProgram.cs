namespace WabaActors.Benchmarks;

/// <summary>The <c>redis</c> mode: the durable workload of <see cref="DurableProgram"/> against the Redis peer.</summary>
public static class RedisProgram
{
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(string endpoint, int connections, string? outPath)
    {
        await using var peer = await RedisPeer.CreateAsync(endpoint, connections);
        var report = new Report($"Durable decisions on Redis ({peer.Persistence})",
            $"{DurableProgram.Workers} concurrent callers over {connections} StackExchange.Redis connection(s); each op is one EVALSHA of "
            + "RedisPermit.lua, alternately a window opened (1,000 numbers) and a template permit counted (1,000 quotas), "
            + "acknowledged after its AOF fsync; latency per op (ns).");
        Console.WriteLine(Report.Environment);
        Console.WriteLine($"redis {endpoint}: {peer.Persistence}");
        await peer.CheckRulesAsync();
        Console.WriteLine("rules check: ok (window max, session/template in window, count, replay, reused id, recount, limit + retryAt, 24 h expiry)");
        report.Add(await LoadBench.RunAsync($"redis lua, {connections} connection(s)", peer.OpAsync, DurableProgram.Workers, Warmup, Duration));
        if (outPath is not null)
        {
            report.WriteMarkdown(outPath);
        }

        return 0;
    }
}
