namespace WabaActors.Api.Tests.Support;

/// <summary>
/// The host with <c>WabaActors:Gateway=Dialog360</c> pointed at a <see cref="Dialog360Stub"/> started
/// first; timeouts short enough that a hanging stub fails soon, long enough that a request under
/// load always reaches the stub (tests count the requests). The breaker is set out of reach here
/// (<see cref="Dialog360BreakerFixture"/> has its own host to trip it).
/// </summary>
public class Dialog360Fixture : HostFixture
{
    public Dialog360Stub Stub { get; private set; } = null!;

    protected virtual IReadOnlyDictionary<string, string?> Breaker => new Dictionary<string, string?>
    {
        ["WabaActors:Dialog360:BreakerMinimumThroughput"] = "100000",
    };

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(Breaker)
    {
        ["WabaActors:Gateway"] = "Dialog360",
        ["WabaActors:Dialog360:BaseUrl"] = Stub.BaseUrl,
        ["WabaActors:Dialog360:PartnerId"] = Dialog360Stub.PartnerId,
        ["WabaActors:Dialog360:PartnerKey"] = Dialog360Stub.PartnerKey,
        ["WabaActors:Dialog360:AttemptTimeout"] = "00:00:02",
        ["WabaActors:Dialog360:TotalTimeout"] = "00:00:08",
        ["WabaActors:Dialog360:RetryDelay"] = "00:00:00.010",
        ["WabaActors:Dialog360:ReadRetries"] = "2",
    };

    public override async Task InitializeAsync()
    {
        Stub = await Dialog360Stub.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Stub.DisposeAsync();
    }
}

/// <summary>A 360dialog host whose circuit opens after 3 failures in a row (and stays open a minute).</summary>
public sealed class Dialog360BreakerFixture : Dialog360Fixture
{
    protected override IReadOnlyDictionary<string, string?> Breaker => new Dictionary<string, string?>
    {
        ["WabaActors:Dialog360:BreakerMinimumThroughput"] = "3",
        ["WabaActors:Dialog360:BreakerFailureRatio"] = "1",
        ["WabaActors:Dialog360:BreakerBreakDuration"] = "00:01:00",
    };
}

[CollectionDefinition(Name)]
public sealed class Dialog360Collection : ICollectionFixture<Dialog360Fixture>
{
    public const string Name = "dialog360";
}
