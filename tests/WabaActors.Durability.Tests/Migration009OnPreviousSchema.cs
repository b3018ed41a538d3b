using System.Globalization;
using Npgsql;
using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Rules;
using WabaActors.Durability.Tests.Support;
using WabaActors.Storage.PostgreSql;

namespace WabaActors.Durability.Tests;

/// <summary>
/// 009 (customers are people, ADR 0020) on a database the previous release filled: schema 001–008 and the
/// 008 build's own statements (<see cref="Schema008"/>) write out-of-order windows, a close, inbound ids,
/// number grants with a retried commit and fenced quota grants. After 009 the current store reads every
/// one back as a phone customer, exactly as written; no table was rewritten; and an old silo's writer,
/// whose statements were prepared before the migration, keeps writing beside the new build.
/// </summary>
public sealed class Migration009OnPreviousSchema
{
    private const string Phone = "420601000090";
    private const string QuotaKey = "account:waba-009";
    private static readonly TimeSpan Day = WabaRules.Document.ServiceWindow;
    private static readonly DateTimeOffset Now = Micro(DateTimeOffset.UtcNow);

    [Fact]
    public async Task EveryRowOfThe008BuildLoadsAsAPhoneCustomerAndItsStatementsStillWrite()
    {
        await using var db = await TestDatabase.CreateAsync();
        await Schema008.MigrateAsync(db);
        await using var oldSilo = StoreDatabase.NewWriter(db.DataSource);
        WindowChange Message(long customer, TimeSpan ago, long digest) => new(new CustomerId(customer), (Now - ago + Day).UtcTicks, false) { InboundDigest = digest };
        Task<int> OldWindow(WindowChange w) =>
            oldSilo.AppendRowAsync(Schema008.Windows, Phone, w.Customer.StoredKey, w.At, w.Closed, w.InboundDigest == 0 ? null : w.InboundDigest);
        Task<int> OldQuota(PermitGranted g, long epoch) =>
            oldSilo.AppendRowAsync(Schema008.QuotaGrants, QuotaKey, g.MessageId, g.Customer.StoredKey, Instant(g.GrantedAtTicks), g.Used!.Value, g.Limit!.Value, epoch);

        // Windows: A's latest message, then an older one written last (a stale duplicate activation); B opened,
        // then closed; C's window is over but its message id is still remembered. Then an id alone.
        var (a, b) = (Message(7700000001, TimeSpan.FromHours(1), 101), Message(7700000002, TimeSpan.FromHours(2), 103));
        var closeB = new WindowChange(new CustomerId(7700000002), (Now - TimeSpan.FromMinutes(30)).UtcTicks, true);
        foreach (var change in new[] { a, b, Message(7700000001, TimeSpan.FromHours(3), 102), closeB, Message(7700000003, TimeSpan.FromHours(30), 104) })
        {
            Assert.Equal(1, await OldWindow(change));
        }

        await oldSilo.AppendRowAsync(Schema008.InboundIds, Phone, 105L, Now - TimeSpan.FromHours(23));

        // Number grants: a session grant, a template grant, and that template's id again (a retried commit: folded on load).
        var session = new PermitGranted("s-1", new CustomerId(7700000001), MessageType.Session, (Now - TimeSpan.FromMinutes(50)).UtcTicks) { WindowExpiresAtTicks = a.ExpiresAtTicks };
        var template = Template("t-1", 7700000004, TimeSpan.FromMinutes(40), used: 1);
        foreach (var grant in new[] { session, template, Template("t-1", 7700000009, TimeSpan.FromMinutes(20), used: 2) })
        {
            await oldSilo.AppendRowAsync(Schema008.NumberGrants, Phone, grant.MessageId, grant.Customer.StoredKey, (short)grant.Type,
                Instant(grant.GrantedAtTicks), Instant(grant.WindowExpiresAtTicks), grant.Used, grant.Limit);
        }

        // Quota grants under the fence: epoch 1 writes two; a newer activation (epoch 2) fences epoch 1 out.
        var counted = new[] { Template("q-1", 7700000004, TimeSpan.FromMinutes(40), 1), Template("q-2", 7700000005, TimeSpan.FromMinutes(10), 2), Template("q-3", 7700000006, TimeSpan.FromMinutes(5), 3) };
        Assert.Equal(1L, await db.ScalarAsync<long>(Schema008.NextQuotaEpoch, QuotaKey));
        Assert.Equal((1, 1), (await OldQuota(counted[0], 1), await OldQuota(counted[1], 1)));
        Assert.Equal(2L, await db.ScalarAsync<long>(Schema008.NextQuotaEpoch, QuotaKey));
        Assert.Equal((0, 1), (await OldQuota(counted[2], 1), await OldQuota(counted[2], 2)));

        // What an old silo reads, twice (its statements prepared), before the migration.
        var oldReads = await OldReadsAsync(db);
        Assert.Equal(oldReads, await OldReadsAsync(db));
        var files = await db.ColumnAsync(RelationFiles);

        var applied = await Schema008.MigrateAsync(db, version: 9);

        Assert.Equal([9], applied.Select(s => s.Version));
        Assert.Equal(files, await db.ColumnAsync(RelationFiles));
        Assert.Equal(oldReads, await OldReadsAsync(db));
        Assert.Equal(0L, await db.ScalarAsync<long>(
            "SELECT (SELECT count(*) FROM waba_window WHERE customer_bsuid IS NOT NULL OR entry_point IS NOT NULL)"
            + " + (SELECT count(*) FROM waba_number_grant WHERE customer_bsuid IS NOT NULL OR free_until IS NOT NULL)"
            + " + (SELECT count(*) FROM waba_quota_grant WHERE customer_bsuid IS NOT NULL)"));

        // The new build reads every row as a phone customer, as written (on its own schema: 010 since issue 18).
        await Schema008.MigrateAsync(db, version: 10);
        await using var writer = StoreDatabase.NewWriter(db.DataSource);
        var store = new PostgreSqlMessagingStore(db.DataSource, writer, WabaRules.Document);
        var number = await store.LoadNumberAsync(Phone, Now);
        Assert.Equal([a, closeB], number.Windows);
        Assert.Equal([105L, 104, 102, 103, 101], number.InboundIds.Select(i => i.Digest));
        Assert.Equal([session, template], number.Grants);
        var quota = await store.LoadQuotaAsync(QuotaKey, Now);
        Assert.Equal(3L, quota.Epoch);
        Assert.Equal(counted, quota.Grants);
        Assert.Empty(quota.Links);
        Assert.All(number.Windows.Select(w => w.Customer).Concat(number.Grants.Concat(quota.Grants).Select(g => g.Customer)),
            c => Assert.True(c.IsPhone && c.BsuidText is null, $"{c} is not a phone"));

        // The old silo keeps writing beside the new build, on its connection and statements prepared before 009:
        // every kind of row lands, and its quota writes still obey the fence (epoch 3 is now the new build's).
        var later = Message(7700000007, TimeSpan.Zero, 106);
        var laterGrant = Template("t-2", 7700000007, TimeSpan.Zero, used: 4);
        Assert.Equal(1, await OldWindow(later));
        Assert.Equal(1, await oldSilo.AppendRowAsync(Schema008.InboundIds, Phone, 107L, Now));
        Assert.Equal(1, await oldSilo.AppendRowAsync(Schema008.NumberGrants, Phone, "t-2", 7700000007L, (short)MessageType.Template, Now, null, 4, 50));
        Assert.Equal((0, 1), (await OldQuota(laterGrant, 2), await OldQuota(laterGrant, 3)));

        number = await store.LoadNumberAsync(Phone, Now);
        Assert.Equal([a, closeB, later], number.Windows);
        Assert.Equal([105L, 104, 107, 102, 103, 101, 106], number.InboundIds.Select(i => i.Digest));
        Assert.Equal([session, template, laterGrant], number.Grants);
        Assert.Equal([.. counted, laterGrant], (await store.LoadQuotaAsync(QuotaKey, Now)).Grants);
    }

    [Fact]
    public async Task AnOldSiloReadsABsuidRowAsOneMoreCustomerKey()
    {
        // ADR 0020: beside a BSUID's text, customer holds its stable digest (bit 62: positive, never a phone), which
        // the 008 build's loads read as a customer key nobody asks it about, and its quota counts as one recipient.
        await using var db = await TestDatabase.CreateAsync();
        await Schema008.MigrateAsync(db, version: 10);
        await using var writer = StoreDatabase.NewWriter(db.DataSource);
        var store = new PostgreSqlMessagingStore(db.DataSource, writer, WabaRules.Document);
        var bsuid = CustomerIdentity.Parse("US.13491208655302741918").Value;
        var epoch = (await store.LoadQuotaAsync(QuotaKey, Now)).Epoch;
        await store.AppendNumberAsync(Phone, new WindowChange(bsuid, (Now + Day).UtcTicks, false) { InboundDigest = 9 }, null);
        Assert.True(await store.AppendQuotaAsync(QuotaKey, epoch, Template("q-1", 7700000001, TimeSpan.Zero, 1) with { Customer = bsuid }));

        var digest = CustomerIdentity.StableDigest("US.13491208655302741918");
        Assert.InRange(digest, 1L << 62, long.MaxValue);
        Assert.Equal([$"{digest}|{(Now + Day).UtcDateTime:O}|False|9"], await RowsAsync(db, Schema008.LoadWindows, Phone, Now, Now - Day));
        Assert.Equal([$"q-1|{digest}|{Now.UtcDateTime:O}|1|50"], await RowsAsync(db, Schema008.LoadQuotaGrants, QuotaKey, Now - Day));
    }

    /// <summary>The file of each table and index the 009 ALTERs touch: a rewrite gives a relation a new file.</summary>
    private const string RelationFiles = """
        SELECT relname || ' ' || relfilenode FROM pg_class
        WHERE relname LIKE 'waba_window%' OR relname LIKE 'waba_number_grant%' OR relname LIKE 'waba_quota_grant%' ORDER BY relname
        """;

    /// <summary>Every row an old silo's loads return (its statements, verbatim), as text.</summary>
    private static async Task<List<string>> OldReadsAsync(TestDatabase db) =>
    [
        .. await RowsAsync(db, Schema008.LoadWindows, Phone, Now, Now - Day),
        .. await RowsAsync(db, Schema008.LoadNumberGrants, Phone, Now - Day),
        .. await RowsAsync(db, Schema008.LoadQuotaGrants, QuotaKey, Now - Day),
    ];

    private static async Task<List<string>> RowsAsync(TestDatabase db, string sql, params object[] args)
    {
        await using var command = db.DataSource.CreateCommand(sql);
        foreach (var arg in args)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = arg });
        }

        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i) is DateTime t
                ? t.ToString("O", CultureInfo.InvariantCulture) : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static PermitGranted Template(string messageId, long customer, TimeSpan ago, int used) =>
        new(messageId, new CustomerId(customer), MessageType.Template, (Now - ago).UtcTicks) { Used = used, Limit = 50 };

    private static DateTimeOffset? Instant(long? ticks) => ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    private static DateTimeOffset Instant(long ticks) => new(ticks, TimeSpan.Zero);

    private static DateTimeOffset Micro(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
}
