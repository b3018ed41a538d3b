using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Rules;
using WabaActors.Durability.Tests.Support;
using WabaActors.Storage.PostgreSql;

namespace WabaActors.Durability.Tests;

/// <summary>
/// Windows and grants are logs (ADR 0015): a customer's window has a row per change, and a message id
/// may have a second grant row (a commit retried after an ambiguous failure, or a stale duplicate
/// activation). An activation must still see what the keyed tables kept: the window change that
/// supersedes the others, and each id's first grant. Against the store, with real commits.
/// </summary>
public sealed class DeltaLogFold : IAsyncLifetime
{
    private StoreDatabase? _store;

    private TestDatabase Db => _store!.Db;

    private PostgreSqlMessagingStore Store => _store!.Store;

    public async Task InitializeAsync() => _store = await StoreDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    [Fact]
    public async Task ANumberLoadsTheFirstGrantOfAMessageIdWrittenTwice()
    {
        var now = DateTimeOffset.UtcNow;
        await Store.AppendNumberAsync("420601000001", null, Grant("msg-1", 7700000001, now.AddMinutes(-2)));
        await Store.AppendNumberAsync("420601000001", null, Grant("msg-2", 7700000002, now.AddMinutes(-1)));
        await Store.AppendNumberAsync("420601000001", null, Grant("msg-1", 7700000009, now));
        Assert.Equal(3L, await Db.ScalarAsync<long>("SELECT count(*) FROM waba_number_grant"));

        var journal = await Store.LoadNumberAsync("420601000001", now);

        Assert.Equal(["msg-1|7700000001", "msg-2|7700000002"], journal.Grants.Select(g => $"{g.MessageId}|{g.Customer}"));
    }

    [Fact]
    public async Task ANumberLoadsTheWindowThatStandsWhateverOrderItsChangesWereWrittenIn()
    {
        // After a silo failure a stale duplicate activation may write an older change last.
        var now = DateTimeOffset.UtcNow;
        var window = WabaRules.Document.ServiceWindow;
        WindowChange Message(DateTimeOffset at, long customer) => new(new CustomerId(customer), (at + window).UtcTicks, false);
        await Store.AppendNumberAsync("420601000002", Message(now.AddHours(-1), 7700000001), null);
        await Store.AppendNumberAsync("420601000002", new WindowChange(new CustomerId(7700000002), now.AddMinutes(-30).UtcTicks, Closed: true), null);
        await Store.AppendNumberAsync("420601000002", Message(now.AddHours(-3), 7700000001), null);
        await Store.AppendNumberAsync("420601000002", Message(now.AddHours(-2), 7700000002), null);
        Assert.Equal(4L, await Db.ScalarAsync<long>("SELECT count(*) FROM waba_window"));

        var journal = await Store.LoadNumberAsync("420601000002", now);

        Assert.Equal(
            [Message(now.AddHours(-1), 7700000001) with { ExpiresAtTicks = Micros(now.AddHours(-1) + window) }, new WindowChange(new CustomerId(7700000002), Micros(now.AddMinutes(-30)), true)],
            journal.Windows.OrderBy(w => w.Customer.StoredKey));
    }

    [Fact]
    public async Task AQuotaLoadsTheFirstGrantOfAMessageIdWrittenTwice()
    {
        var now = DateTimeOffset.UtcNow;
        var epoch = (await Store.LoadQuotaAsync("account:fold", now)).Epoch;
        Assert.True(await Store.AppendQuotaAsync("account:fold", epoch, Grant("msg-1", 7700000001, now.AddMinutes(-1))));
        Assert.True(await Store.AppendQuotaAsync("account:fold", epoch, Grant("msg-1", 7700000009, now)));
        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT count(*) FROM waba_quota_grant"));

        var journal = await Store.LoadQuotaAsync("account:fold", now);

        Assert.Equal(["msg-1|7700000001"], journal.Grants.Select(g => $"{g.MessageId}|{g.Customer}"));
    }

    /// <summary>PostgreSQL keeps microseconds.</summary>
    private static long Micros(DateTimeOffset at) => at.UtcTicks / TimeSpan.TicksPerMicrosecond * TimeSpan.TicksPerMicrosecond;

    private static PermitGranted Grant(string messageId, long customer, DateTimeOffset at) =>
        new(messageId, new CustomerId(customer), MessageType.Template, at.UtcTicks) { Used = 1, Limit = 50 };
}
