using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;
using Orleans.Reminders;
using Orleans.Storage;
using Orleans.TestingHost;
using WabaActors.Domain.Rules;
using WabaActors.Grains;
using WabaActors.Grains.Rollout;
using WabaActors.Grains.Storage;
using WabaActors.Grains.Time;

namespace WabaActors.Grains.Tests.Support;

/// <summary>
/// One silo for the whole assembly, wired like the embedded host (SiloHosting): memory grain
/// storage and reminders, the in-memory stores, the document's rules. One fake clock drives the
/// rules and the reminders; Orleans' own loops keep the real clock (the unkeyed TimeProvider is
/// left alone, see orleans-notes.md "Time in tests"). One silo, because the embedded history and
/// messaging stores are per process and the host runs one silo.
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    /// <summary>Where the fake clock starts; tests read <see cref="Now"/> rather than assume it.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    /// <summary>The tenant whose gate runs in shadow on this silo (<c>WabaActors:Enforcement:Tenants</c>); every other is enforced.</summary>
    public const string ShadowTenant = "shadowed";

    private InProcessTestCluster? _cluster;

    public FakeTimeProvider Clock { get; } = new(Start);

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    public IGrainFactory Grains => Cluster.Client;

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>The rules the silo runs (the document's here; <see cref="MetaClusterFixture"/> runs Meta's).</summary>
    public virtual WabaRules Rules => WabaRules.Document;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Grains);

            // The same storage with faults a test may arm (none by default): registered last, so the grains get it.
            silo.Services.AddSingleton<StorageFaults>();
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Grains, (sp, key) =>
                new FaultyGrainStorage(MemoryGrainStorageFactory.Create(sp, (string)key!), sp.GetRequiredService<StorageFaults>()));
            silo.UseInMemoryReminderService();
            silo.Services.AddSingleton(Rules);
            silo.Services.AddKeyedSingleton<TimeProvider>(WabaClock.Key, Clock);
            silo.Services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, Clock);
            silo.Services.Configure<ReminderOptions>(o =>
            {
                // The grains' reminders tick every minute after their due instant.
                o.MinimumReminderPeriod = TimeSpan.FromMinutes(1);

                // The refresh runs on the fake clock: each advance triggers one.
                o.RefreshReminderListPeriod = TimeSpan.FromSeconds(1);

                // A deadline (48 h) is armed on the fake clock when it is registered, so the advance
                // that passes it fires it. With the 10 min default the refresh after the advance would
                // load it already due, and its 1 ms wait on the fake clock would need another advance.
                o.ReminderLoadingWindow = TimeSpan.FromDays(30);
                o.InitializationTimeout = TimeSpan.FromSeconds(30);
            });
            silo.Services.AddWabaGrainServices();
            silo.Services.Configure<EnforcementOptions>(o => o.Tenants[ShadowTenant] = "Shadow");
            silo.Services.AddSingleton<GrainCallCounter>();
            silo.Services.AddSingleton<IIncomingGrainCallFilter>(sp => sp.GetRequiredService<GrainCallCounter>());
        });

        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    /// <summary>Moves the fake clock; reminders due by then are delivered asynchronously afterwards.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        // Advance runs due timer callbacks inline; a hang there means a background loop is on this clock.
        await Task.Run(() => Clock.Advance(by)).WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>The silo's history store, read directly so that polling it activates no grain.</summary>
    public IHistoryStore History => Cluster.GetSiloServiceProvider().GetRequiredService<IHistoryStore>();

    /// <summary>The silo's meter factory: the scope of every meter its grains record on.</summary>
    public System.Diagnostics.Metrics.IMeterFactory Meters =>
        Cluster.GetSiloServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();

    /// <summary>
    /// Waits until the account's history holds an entry of <paramref name="type"/>, reading the store
    /// so that waiting activates no grain. A reminder armed only after an advance already reached its
    /// tick waits for its next tick (one period later) on the fake clock: after each second without
    /// the entry, the clock moves one reminder period.
    /// </summary>
    public async Task<StoredEvent> HistoryEntryAsync(string waba, string type)
    {
        var entry = await Eventually.GetAsync(
            async () => (await History.ReadAsync(waba, 0, 10_000)).FirstOrDefault(e => e.Event.Type == type),
            e => e is not null,
            $"{type} in the history of {waba}",
            nudge: () => AdvanceAsync(TimeSpan.FromMinutes(1)));
        return entry!;
    }

    /// <summary>Faults to arm on the silo's grain storage (none by default).</summary>
    public StorageFaults StorageFaults => Cluster.GetSiloServiceProvider().GetRequiredService<StorageFaults>();

    /// <summary>The silo's grain-call counter.</summary>
    public GrainCallCounter Calls => Cluster.GetSiloServiceProvider().GetRequiredService<GrainCallCounter>();

    /// <summary>True when the grain has an activation in the silo.</summary>
    public bool IsActive(IAddressable grain) => Cluster.TryGetGrainContext(grain.GetGrainId(), out _);

    /// <summary>Collects every idle activation (as the idle collector would) and checks <paramref name="grains"/> are gone.</summary>
    public async Task DeactivateAllAsync(params IAddressable[] grains)
    {
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await Eventually.TrueAsync(() => Task.FromResult(!grains.Any(IsActive)), "the grains to deactivate");
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
