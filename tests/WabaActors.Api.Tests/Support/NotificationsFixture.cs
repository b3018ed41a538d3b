using WabaActors.Tests.Shared;

namespace WabaActors.Api.Tests.Support;

/// <summary>
/// A host with notifications on, sending to a <see cref="StubReceiver"/> of its own. Backoff waits
/// (10 min, then 20, … up to 1 h) are on the simulated clock, so a retry happens only when a test
/// advances it; an attempt gives up after 1 s of real time.
/// </summary>
public sealed class NotificationsFixture : HostFixture, IAsyncLifetime
{
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromMinutes(10);

    public StubReceiver Receiver { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["WabaActors:Notifications:Enabled"] = "true",
        ["WabaActors:Notifications:Endpoint"] = Receiver.Endpoint.ToString(),
        ["WabaActors:Notifications:Secret"] = StubReceiver.Secret,
        ["WabaActors:Notifications:BatchSize"] = "3",
        ["WabaActors:Notifications:BackoffInitial"] = "00:10:00",
        ["WabaActors:Notifications:BackoffMax"] = "01:00:00",
        ["WabaActors:Notifications:Timeout"] = "00:00:01",
    };

    public override async Task InitializeAsync()
    {
        Receiver = await StubReceiver.StartAsync();
        await base.InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

/// <summary>The notification tests share one host and one receiver, one test at a time (they move the clock).</summary>
[CollectionDefinition(Name)]
public sealed class NotificationsCollection : ICollectionFixture<NotificationsFixture>
{
    public const string Name = "notifications";
}
