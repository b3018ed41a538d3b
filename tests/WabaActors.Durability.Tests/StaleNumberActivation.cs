using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Rules;
using WabaActors.Durability.Tests.Support;
using WabaActors.Storage.PostgreSql;

namespace WabaActors.Durability.Tests;

/// <summary>
/// Windows have no epoch: after a silo failure two activations of a number can both write for a while.
/// Each only writes what supersedes its own view, so the database must keep whichever change is the
/// later one whatever the commit order — an acknowledged window never moves back.
/// Against <see cref="PostgreSqlMessagingStore"/> directly, with each activation's own <see cref="CustomerWindows"/>.
/// </summary>
public sealed class StaleNumberActivation : IAsyncLifetime
{
    private static readonly WabaRules Rules = WabaRules.Document;
    private TestDatabase? _db;
    private GroupCommitWriter? _writer;

    private PostgreSqlMessagingStore Store => new(_db!.DataSource, _writer!, Rules);

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(migrate: true);
        _writer = new GroupCommitWriter(_db.DataSource, Options.Create(new GroupCommitOptions()), NullLogger<GroupCommitWriter>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _writer!.DisposeAsync();
        await _db!.DisposeAsync();
    }

    [Theory]
    [InlineData("open, then an older message")]
    [InlineData("closed by 131047, then a message from before the close")]
    [InlineData("open after a close, then the older close")]
    public async Task TheLaterWindowChangeWinsWhicheverActivationWritesLast(string scenario)
    {
        var now = DateTimeOffset.UtcNow;
        var customer = new CustomerId(7712345678);
        var phone = "420600000001";
        var owner = await LoadAsync(phone, now);
        var stale = await LoadAsync(phone, now);

        // The owner's change is acknowledged first; the stale activation, which never saw it, writes an
        // older one afterwards (a redelivered message, a late status webhook).
        WindowChange acknowledged, older;
        switch (scenario)
        {
            case "open, then an older message":
                acknowledged = owner.RecordInbound(customer, now.AddMinutes(-1), now).Value!.Value;
                older = stale.RecordInbound(customer, now.AddMinutes(-30), now).Value!.Value;
                break;
            case "closed by 131047, then a message from before the close":
                acknowledged = owner.Close(customer, now.AddMinutes(-1), now)!.Value;
                older = stale.RecordInbound(customer, now.AddMinutes(-30), now).Value!.Value;
                break;
            default:
                acknowledged = owner.RecordInbound(customer, now.AddMinutes(-1), now).Value!.Value;
                older = stale.Close(customer, now.AddMinutes(-30), now)!.Value;
                break;
        }

        await Store.AppendNumberAsync(phone, acknowledged, null);
        await Store.AppendNumberAsync(phone, older, null);

        var reloaded = await LoadAsync(phone, now);
        var expected = await LoadFromAsync([acknowledged], now);
        Assert.Equal(Micro.Truncate(expected.Get(customer, now).ExpiresAt), Micro.Truncate(reloaded.Get(customer, now).ExpiresAt));
        Assert.Equal(expected.Get(customer, now).Open, reloaded.Get(customer, now).Open);
    }

    [Fact]
    public async Task ALaterChangeStillReplacesTheStoredOne()
    {
        // The guard must not freeze a window: extensions, a close and a reopening all land in order.
        var now = DateTimeOffset.UtcNow;
        var customer = new CustomerId(7712345679);
        var phone = "420600000002";
        var windows = await LoadAsync(phone, now);
        foreach (var next in new Func<WindowChange?>[]
        {
            () => windows.RecordInbound(customer, now.AddMinutes(-40), now).Value,
            () => windows.RecordInbound(customer, now.AddMinutes(-30), now).Value,
            () => windows.Close(customer, now.AddMinutes(-20), now),
            () => windows.RecordInbound(customer, now.AddMinutes(-10), now).Value,
        })
        {
            await Store.AppendNumberAsync(phone, next()!.Value, null);
            var reloaded = await LoadAsync(phone, now);
            Assert.Equal(windows.Get(customer, now).Open, reloaded.Get(customer, now).Open);
            Assert.Equal(Micro.Truncate(windows.Get(customer, now).ExpiresAt), Micro.Truncate(reloaded.Get(customer, now).ExpiresAt));
        }

        Assert.True((await LoadAsync(phone, now)).Get(customer, now).Open);
    }

    private async Task<CustomerWindows> LoadAsync(string phone, DateTimeOffset now) =>
        await LoadFromAsync((await Store.LoadNumberAsync(phone, now)).Windows, now);

    private static Task<CustomerWindows> LoadFromAsync(IEnumerable<WindowChange> changes, DateTimeOffset now)
    {
        var windows = new CustomerWindows(Rules.ServiceWindow, Rules.FutureTimestampTolerance);
        foreach (var change in changes)
        {
            windows.Apply(change);
        }

        windows.Prune(now);
        return Task.FromResult(windows);
    }
}
