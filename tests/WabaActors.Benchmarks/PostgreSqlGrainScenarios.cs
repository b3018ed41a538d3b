using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using WabaActors.Contracts.Messaging;
using WabaActors.Domain.Identity;
using WabaActors.Domain.Rules;
using WabaActors.Grains.Storage;
using WabaActors.Storage.PostgreSql;

namespace WabaActors.Benchmarks;

/// <summary>
/// The grains on PostgreSQL (fsync on), one silo wired as the host's PostgreSql storage, on a fresh
/// migrated database: the cold activation of a number with <see cref="ColdWindows"/> live windows,
/// and durable decisions (window opens and template permits) end to end through the grains.
/// The rules are the document's with a template limit of 1M, so grants never run out.
/// </summary>
public sealed class PostgreSqlGrainScenarios : IAsyncDisposable
{
    public const int ColdWindows = 100_000;
    public const int ColdRuns = 7;
    public const int Numbers = 1_000;
    public const int HotWindows = 1_000;
    /// <summary>Customer indexes of the hot number: a range of 2^28 that no run of <see cref="Decisions"/> (run &lt;&lt; 28) reaches.</summary>
    private const long HotCustomer = 15L << 28;

    private readonly NpgsqlDataSource _dataSource;
    private readonly GrainSilo _silo;
    private BenchAccounts? _decisions;
    private int _run;

    private PostgreSqlGrainScenarios(NpgsqlDataSource dataSource, GrainSilo silo) => (_dataSource, _silo) = (dataSource, silo);

    public (long Batches, long Changes) GroupCommits => _silo.Services.GetRequiredService<GroupCommitWriter>().Stats;

    /// <summary>A fresh database on the server of <paramref name="connectionString"/>, migrated with <see cref="SchemaMigrator"/>, and a silo on it.</summary>
    public static async Task<PostgreSqlGrainScenarios> CreateAsync(string connectionString)
    {
        var database = $"waba_grains_{DateTime.UtcNow:yyyyMMddHHmmss}";
        await using (var admin = NpgsqlDataSource.Create(connectionString))
        {
            await using var create = admin.CreateCommand($"CREATE DATABASE {database}");
            await create.ExecuteNonQueryAsync();
        }

        // As SiloHosting builds it: the hot statements auto-prepared.
        var dataSource = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connectionString)
        {
            Database = database,
            MaxAutoPrepare = 32,
            AutoPrepareMinUsages = 2,
        }.ConnectionString).Build();
        await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        var rules = WabaRules.Document with { TemplateRecipientLimit = DomainScenarios.Million };
        return new PostgreSqlGrainScenarios(dataSource, await GrainSilo.StartPostgreSqlAsync(rules, dataSource));
    }

    /// <summary>
    /// One number onboarded through the grains, deactivated, <see cref="ColdWindows"/> live windows
    /// COPYed into waba_window; then <see cref="ColdRuns"/> times: deactivate, and time the first call
    /// (GetWindowAsync, which activates it: grain state + windows + grants loaded). Also times
    /// <see cref="IMessagingStore.LoadNumberAsync"/> alone. Milliseconds, in run order.
    /// </summary>
    public async Task<(double[] Activations, double[] Loads)> ColdActivationAsync(Action<string> log)
    {
        var cold = await BenchAccounts.OnboardAsync(_silo.Grains, "waba-cold", "4206", 1);
        var (phone, scope, number) = (cold.Phones[0], cold.Scopes[0], cold.Numbers[0]);
        await _silo.Management.DeactivateGrain(number.GetGrainId());

        var now = DateTimeOffset.UtcNow;
        var took = Stopwatch.StartNew();
        await using (var connection = await _dataSource.OpenConnectionAsync())
        {
            // Live windows, their expiries spread over the next day as arrivals would leave them.
            var step = TimeSpan.FromHours(23).Ticks / ColdWindows;
            // A BSUID row (Customers.BsuidPercent) as the store writes it: the stable digest and the text.
            await using (var copy = await connection.BeginBinaryImportAsync("COPY waba_window (phone, customer, expires_at, closed, customer_bsuid) FROM STDIN (FORMAT BINARY)"))
            {
                for (var k = 0; k < ColdWindows; k++)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(phone, NpgsqlDbType.Text);
                    await copy.WriteAsync(Customers.IsBsuid(k) ? CustomerIdentity.StableDigest(Customers.Bsuid(k)) : Customers.Id(k), NpgsqlDbType.Bigint);
                    await copy.WriteAsync(now.AddHours(1).AddTicks(k * step), NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                    await copy.WriteAsync(Customers.IsBsuid(k) ? Customers.Bsuid(k) : null, NpgsqlDbType.Text);
                }

                await copy.CompleteAsync();
            }

            // Production tables have statistics (autovacuum analyzes after 10% changes).
            await using var analyze = new NpgsqlCommand("ANALYZE waba_window", connection);
            await analyze.ExecuteNonQueryAsync();
        }

        log($"copied {ColdWindows:N0} windows ({Customers.BsuidPercent}% BSUIDs) for one number in {took.Elapsed.TotalMilliseconds:N0} ms");
        var customer = Customers.Text(ColdWindows / 2);
        var activations = new double[ColdRuns];
        for (var r = 0; r < ColdRuns; r++)
        {
            await _silo.Management.DeactivateGrain(number.GetGrainId());
            var start = Stopwatch.GetTimestamp();
            var window = BenchAccounts.Ok(await number.GetWindowAsync(scope, customer));
            activations[r] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (!window.Open)
            {
                throw new InvalidOperationException("the reactivated number lost a window");
            }
        }

        var store = _silo.Services.GetRequiredService<IMessagingStore>();
        var loads = new double[ColdRuns];
        for (var r = 0; r < ColdRuns; r++)
        {
            var start = Stopwatch.GetTimestamp();
            var journal = await store.LoadNumberAsync(phone, DateTimeOffset.UtcNow);
            loads[r] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (journal.Windows.Count != ColdWindows)
            {
                throw new InvalidOperationException($"loaded {journal.Windows.Count} windows, expected {ColdWindows}");
            }
        }

        return (activations, loads);
    }

    /// <summary>Onboards <see cref="Numbers"/> numbers (500 accounts, 500 quotas) through the grains on PostgreSQL, untimed.</summary>
    public async Task PrepareDecisionsAsync(Action<string> log)
    {
        var took = Stopwatch.StartNew();
        _decisions = await BenchAccounts.OnboardAsync(_silo.Grains, "waba-durable", "4205", Numbers);
        log($"onboarded {Numbers:N0} numbers on PostgreSQL in {took.Elapsed.TotalSeconds:N1} s");
    }

    /// <summary>
    /// Alternately a customer's first message to one of the numbers (a window opened: one commit) and
    /// a template to a customer with no window (the quota counts a new recipient, then the number
    /// records the grant: two commits), every customer new; each acknowledged once durable.
    /// </summary>
    public Func<long, Task> Decisions()
    {
        var accounts = _decisions ?? throw new InvalidOperationException("PrepareDecisionsAsync first");
        var run = Interlocked.Increment(ref _run);
        return i =>
        {
            var n = (int)Customers.Pick(i, Numbers);
            var customer = Customers.Text(((long)run << 28) + i);
            var id = string.Create(CultureInfo.InvariantCulture, $"wamid.d{run}.{i}");
            return (i & 1) == 0
                ? InboundAsync(accounts.Numbers[n].RecordInboundAsync(accounts.Scopes[n], new InboundMessage(customer, id, DateTimeOffset.UtcNow)))
                : TemplateAsync(accounts.Numbers[n].RequestPermitAsync(accounts.Scopes[n], new PermitRequest(customer, MessageKind.Template, id)));
        };
    }

    /// <summary>Windows opened per number before the mixed load (its session permits go to these customers).</summary>
    public const int MixedWindows = 20;
    /// <summary>Customer indexes of the mixed load's open windows: a range no run of <see cref="Decisions"/> reaches.</summary>
    private const long MixedCustomer = 14L << 28;

    /// <summary>Session and template permits the mixed load sent (warm-up included), to relate grant rows to them.</summary>
    public (long Sessions, long Templates) MixedSent => (Interlocked.Read(ref _mixedSessions), Interlocked.Read(ref _mixedTemplates));
    private long _mixedSessions;
    private long _mixedTemplates;

    /// <summary>
    /// The production mix (issue 19): half the calls inbound messages from new customers (a window opened),
    /// half permits, of which half session permits to customers with open windows and half templates to new
    /// customers (the quota counts a recipient). Opens <see cref="MixedWindows"/> windows per number first.
    /// </summary>
    public async Task<Func<long, Task>> MixedAsync()
    {
        var accounts = _decisions ?? throw new InvalidOperationException("PrepareDecisionsAsync first");
        var now = DateTimeOffset.UtcNow;
        await Parallel.ForEachAsync(Enumerable.Range(0, Numbers * MixedWindows), new ParallelOptions { MaxDegreeOfParallelism = 256 }, async (k, _) =>
            await InboundAsync(accounts.Numbers[k % Numbers].RecordInboundAsync(accounts.Scopes[k % Numbers],
                new InboundMessage(Customers.Text(MixedCustomer + k), $"wamid.mix.in.{k}", now))));
        var run = Interlocked.Increment(ref _run);
        return i =>
        {
            var n = (int)Customers.Pick(i, Numbers);
            var id = string.Create(CultureInfo.InvariantCulture, $"wamid.m{run}.{i}");
            switch (i & 3)
            {
                case 1:
                    Interlocked.Increment(ref _mixedSessions);
                    var open = Customers.Text(MixedCustomer + (Customers.Pick(i >> 2, MixedWindows) * Numbers) + n);
                    return PermitAsync(accounts.Numbers[n].RequestPermitAsync(accounts.Scopes[n], new PermitRequest(open, MessageKind.Session, id)));
                case 3:
                    Interlocked.Increment(ref _mixedTemplates);
                    return TemplateAsync(accounts.Numbers[n].RequestPermitAsync(accounts.Scopes[n],
                        new PermitRequest(Customers.Text(((long)run << 28) + i), MessageKind.Template, id)));
                default:
                    return InboundAsync(accounts.Numbers[n].RecordInboundAsync(accounts.Scopes[n],
                        new InboundMessage(Customers.Text(((long)run << 28) + i), id, DateTimeOffset.UtcNow)));
            }
        };
    }

    /// <summary>Rows in the number grants' table (every grant a number persisted and still holds).</summary>
    public async Task<long> NumberGrantRowsAsync()
    {
        await using var count = _dataSource.CreateCommand("SELECT count(*) FROM waba_number_grant");
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Session permits inside open windows, all on one number (each grant written before the answer):
    /// how many durable decisions a single number makes per second. Opens <see cref="HotWindows"/> windows first.
    /// </summary>
    public async Task<Func<long, Task>> HotNumberAsync()
    {
        var accounts = _decisions ?? throw new InvalidOperationException("PrepareDecisionsAsync first");
        var (number, scope) = (accounts.Numbers[0], accounts.Scopes[0]);
        var now = DateTimeOffset.UtcNow;
        await Parallel.ForEachAsync(Enumerable.Range(0, HotWindows), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (k, _) =>
            await InboundAsync(number.RecordInboundAsync(scope, new InboundMessage(Customers.Text(HotCustomer + k), $"wamid.hot.in.{k}", now))));
        var run = Interlocked.Increment(ref _run);
        return i => PermitAsync(number.RequestPermitAsync(scope,
            new PermitRequest(Customers.Text(HotCustomer + Customers.Pick(i, HotWindows)), MessageKind.Session, string.Create(CultureInfo.InvariantCulture, $"wamid.h{run}.{i}"))));
    }

    public async ValueTask DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    private static async Task InboundAsync(ValueTask<Contracts.Common.Reply<WindowView>> call)
    {
        if (!BenchAccounts.Ok(await call).Open)
        {
            throw new InvalidOperationException("an inbound message did not open the window");
        }
    }

    private static async Task PermitAsync(ValueTask<Contracts.Common.Reply<PermitDecision>> call)
    {
        var decision = BenchAccounts.Ok(await call);
        if (!decision.Allowed)
        {
            throw new InvalidOperationException($"a session permit inside an open window was denied ({decision.Reason})");
        }
    }

    private static async Task TemplateAsync(ValueTask<Contracts.Common.Reply<PermitDecision>> call)
    {
        var decision = BenchAccounts.Ok(await call);
        if (!decision.Allowed || decision.TemplateRecipients is null)
        {
            throw new InvalidOperationException($"a template to a new customer was not counted ({decision.Reason})");
        }
    }
}
