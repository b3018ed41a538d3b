using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Rules;
using WabaActors.Durability.Tests.Support;
using WabaActors.Storage.PostgreSql;
using Xunit.Abstractions;

namespace WabaActors.Durability.Tests;

/// <summary>
/// Test 3: the database, not the grain directory, keeps the recipient limit. After a silo failure two
/// activations of one quota can exist for a while; each takes an epoch when it loads, and a grant is
/// written only under the quota's current epoch, so a stale activation's grant never lands unseen.
/// Against <see cref="PostgreSqlMessagingStore"/> directly, with real commits.
/// </summary>
public sealed class QuotaFence(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Limit = 50;
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
    public async Task AStaleActivationsGrantIsRefusedAndWritesNothing()
    {
        var now = DateTimeOffset.UtcNow;
        var a = await Store.LoadQuotaAsync("account:w1", now);
        var b = await Store.LoadQuotaAsync("account:w1", now);
        Assert.Equal((1L, 2L), (a.Epoch, b.Epoch));

        Assert.False(await Store.AppendQuotaAsync("account:w1", a.Epoch, Grant("msg-a", 7700000001, now, used: 1)));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM waba_quota_grant"));

        Assert.True(await Store.AppendQuotaAsync("account:w1", b.Epoch, Grant("msg-b", 7700000002, now, used: 1)));
        Assert.Equal(["msg-b|7700000002|2"], await Db.ColumnAsync("SELECT message_id || '|' || customer || '|' || epoch FROM waba_quota_grant"));

        // A retry of the stale write is refused again; the next owner sees only the owner's grant.
        Assert.False(await Store.AppendQuotaAsync("account:w1", a.Epoch, Grant("msg-a", 7700000001, now, used: 1)));
        var c = await Store.LoadQuotaAsync("account:w1", now);
        Assert.Equal(3L, c.Epoch);
        Assert.Equal(["msg-b"], c.Grants.Select(g => g.MessageId));
    }

    [Fact]
    public async Task TwoStaleWritersRacingForTheLastSlotLandAtMostOneRecipient()
    {
        const int rounds = 12;
        var landed = 0;
        for (var round = 0; round < rounds; round++)
        {
            var key = $"account:race-{round}";
            var now = DateTimeOffset.UtcNow;
            await FillAsync(key, Limit - 1, now);

            // Both activations load before either writes: each sees 49 of 50 used and counts its own
            // customer as the 50th, as two TemplateQuotaGrain activations would after a silo failure.
            var writers = await Task.WhenAll(QuotaWriter.LoadAsync(Store, key, now), QuotaWriter.LoadAsync(Store, key, now));
            var customers = new[] { 7800000000L + (round * 2), 7800000001L + (round * 2) };
            for (var i = 0; i < 2; i++)
            {
                Assert.Equal(Limit - 1, writers[i].Used(now));
                Assert.Equal(CountOutcome.Counted, writers[i].Count(customers[i], now).Outcome);
            }

            var written = await Task.WhenAll(writers.Select((w, i) => w.AppendAsync(Store, key, $"msg-{round}-{i}", customers[i], now)));

            var rows = await Db.ColumnAsync("SELECT customer FROM waba_quota_grant WHERE quota_key = $1 AND customer >= 7800000000", key);
            Assert.True(rows.Count <= 1, $"round {round}: {rows.Count} racing recipients landed");
            Assert.Equal(written.Count(w => w), rows.Count);
            Assert.Equal(Limit - 1 + rows.Count, await Db.ScalarAsync<long>("SELECT count(DISTINCT customer) FROM waba_quota_grant WHERE quota_key = $1", key));

            // The next owner sees what landed and no more: the quota is full, or has exactly one slot left.
            var next = await QuotaWriter.LoadAsync(Store, key, now);
            Assert.Equal(Limit - 1 + rows.Count, next.Used(now));
            landed += rows.Count;
        }

        // Both loaded before either wrote, so the older epoch is always fenced and the newer always lands.
        Assert.Equal(rounds, landed);
    }

    [Fact]
    public async Task AGrantRacingATakeoverIsEitherSeenByTheNewOwnerOrNotWritten()
    {
        // The fence's other half: a write of the old activation in flight while a new one loads. The
        // epoch bump waits for the write's share lock, so the write commits first and is loaded, or the
        // bump wins and the write finds a newer epoch and writes nothing. Never a row the owner missed.
        var (seen, refused) = (0, 0);
        for (var round = 0; round < 60; round++)
        {
            var key = $"account:takeover-{round}";
            var now = DateTimeOffset.UtcNow;
            var old = await QuotaWriter.LoadAsync(Store, key, now);
            old.Count(7900000000 + round, now);

            var write = old.AppendAsync(Store, key, $"msg-{round}", 7900000000 + round, now);
            var takeover = QuotaWriter.LoadAsync(Store, key, now);
            var (written, owner) = (await write, await takeover);

            var row = await Db.ScalarAsync<long>("SELECT count(*) FROM waba_quota_grant WHERE quota_key = $1", key);
            if (written)
            {
                Assert.Equal((1L, 1), (row, owner.Used(now)));
                seen++;
            }
            else
            {
                Assert.Equal((0L, 0), (row, owner.Used(now)));
                refused++;
            }
        }

        Assert.Equal(60, seen + refused);
        output.WriteLine($"{seen} in-flight grants committed first and were loaded by the new owner, {refused} refused by the fence");
    }

    private async Task FillAsync(string key, int recipients, DateTimeOffset now)
    {
        var owner = await QuotaWriter.LoadAsync(Store, key, now);
        var fills = Enumerable.Range(0, recipients).Select(i =>
        {
            owner.Count(7700000000 + i, now);
            return owner.AppendAsync(Store, key, $"fill-{i}", 7700000000 + i, now);
        }).ToList();
        Assert.All(await Task.WhenAll(fills), Assert.True);
    }

    private static PermitGranted Grant(string messageId, long customer, DateTimeOffset at, int used) =>
        new(messageId, new CustomerId(customer), MessageType.Template, at.UtcTicks) { Used = used, Limit = Limit };

    /// <summary>What a TemplateQuotaGrain activation holds: its epoch and the recipient set rebuilt from the store.</summary>
    private sealed class QuotaWriter(long epoch)
    {
        private readonly TemplateRecipients _recipients = new(WabaRules.Document.TemplateRecipientPeriod);
        private int _used;

        public long Epoch => epoch;

        public static async Task<QuotaWriter> LoadAsync(PostgreSqlMessagingStore store, string key, DateTimeOffset now)
        {
            var journal = await store.LoadQuotaAsync(key, now);
            var writer = new QuotaWriter(journal.Epoch);
            foreach (var grant in journal.Grants)
            {
                writer._recipients.Apply(new RecipientCounted(grant.Customer, grant.GrantedAtTicks));
            }

            return writer;
        }

        public int Used(DateTimeOffset now) => _recipients.Usage(Limit, now).Used;

        public CountResult Count(long customer, DateTimeOffset now)
        {
            var counted = _recipients.TryCount(new CustomerId(customer), Limit, now);
            _used = counted.Usage.Used;
            return counted;
        }

        public async Task<bool> AppendAsync(PostgreSqlMessagingStore store, string key, string messageId, long customer, DateTimeOffset now) =>
            await store.AppendQuotaAsync(key, epoch, Grant(messageId, customer, now, _used));
    }
}
