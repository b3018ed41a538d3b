using System.Globalization;
using Npgsql;
using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Pricing;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Verdicts;
using WabaActors.Durability.Tests.Support;
using WabaActors.Storage.PostgreSql;

namespace WabaActors.Durability.Tests;

/// <summary>
/// 010 (grant prices, verdicts, the service allowance; issue 18) on a database the previous release filled:
/// schema 001–009 and the 009 build's own statements (<see cref="Schema009"/>) write windows of phones and
/// BSUIDs with entry points, inbound ids, number grants with a retried commit, fenced quota grants and links.
/// After 010 the current store reads every row back exactly as written (no price, no verdict, no allowance);
/// no table was rewritten; and an old silo's writer, whose statements were prepared before the migration,
/// keeps writing beside the new build, whose priced grants the old loads still read.
/// </summary>
public sealed class Migration010OnPreviousSchema
{
    private const string Phone = "420601000091";
    private const string QuotaKey = "account:waba-010";
    private static readonly TimeSpan Day = WabaRules.Document.ServiceWindow;
    private static readonly DateTimeOffset Now = new(DateTimeOffset.UtcNow.UtcTicks / TimeSpan.TicksPerMicrosecond * TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
    private static readonly CustomerIdentity P1 = new CustomerId(7700000001);
    private static readonly CustomerIdentity P2 = new CustomerId(7700000002);
    private static readonly CustomerIdentity Bsuid = CustomerIdentity.Parse("US.13491208655302741918").Value;
    private static readonly CustomerIdentity Hashed = CustomerIdentity.Parse("BR.AbCdEf123").Value;

    [Fact]
    public async Task EveryRowOfThe009BuildLoadsAsWrittenAndItsStatementsStillWrite()
    {
        await using var db = await TestDatabase.CreateAsync();
        await Schema008.MigrateAsync(db, version: 9);
        await using var oldSilo = StoreDatabase.NewWriter(db.DataSource);
        Task<int> OldWindow(WindowChange w) => oldSilo.AppendRowAsync(Schema009.Windows, Phone, w.Customer.StoredKey, w.At, w.Closed,
            w.InboundDigest == 0 ? null : w.InboundDigest, w.Customer.BsuidText, w.EntryPoint == EntryPoint.None ? null : (short)w.EntryPoint);
        Task<int> OldGrant(PermitGranted g) => oldSilo.AppendRowAsync(Schema009.NumberGrants, Phone, g.MessageId, g.Customer.StoredKey, (short)g.Type,
            At(g.GrantedAtTicks), At(g.WindowExpiresAtTicks), g.Used, g.Limit, g.Customer.BsuidText, At(g.FreeUntilTicks));
        Task<int> OldQuota(PermitGranted g, long epoch) => oldSilo.AppendRowAsync(Schema009.QuotaGrants, QuotaKey, g.MessageId, g.Customer.StoredKey,
            At(g.GrantedAtTicks), g.Used!.Value, g.Limit!.Value, epoch, g.Customer.BsuidText);
        Task<int> OldLink(CustomerLink l) => oldSilo.AppendRowAsync(Schema009.Links, QuotaKey, l.Customer.ToString(), l.Partner.ToString(), At(l.TaughtAtTicks));

        // Windows of a phone (from an ad) and a BSUID, a BSUID's close; an id alone.
        var (a, b) = (Message(P1, TimeSpan.FromHours(1), 101, EntryPoint.Ctwa), Message(Bsuid, TimeSpan.FromHours(2), 102));
        var closeHashed = new WindowChange(Hashed, (Now - TimeSpan.FromMinutes(30)).UtcTicks, true);
        foreach (var change in new[] { a, b, closeHashed })
        {
            Assert.Equal(1, await OldWindow(change));
        }

        await oldSilo.AppendRowAsync(Schema009.InboundIds, Phone, 105L, Now - TimeSpan.FromHours(23));

        // Number grants: a free session grant to the BSUID, a template grant, and that template's id again (a retried commit: folded on load).
        var session = new PermitGranted("s-1", Bsuid, MessageType.Session, (Now - TimeSpan.FromMinutes(50)).UtcTicks)
        {
            WindowExpiresAtTicks = b.ExpiresAtTicks, FreeUntilTicks = (Now + TimeSpan.FromHours(70)).UtcTicks,
        };
        var template = Template("t-1", P1, TimeSpan.FromMinutes(40), used: 1);
        foreach (var grant in new[] { session, template, Template("t-1", Hashed, TimeSpan.FromMinutes(20), used: 2) })
        {
            Assert.Equal(1, await OldGrant(grant));
        }

        // Quota grants under the fence (a newer activation fences epoch 1 out), and a link.
        var counted = new[] { Template("q-1", P1, TimeSpan.FromMinutes(40), 1), Template("q-2", Bsuid, TimeSpan.FromMinutes(10), 2), Template("q-3", Hashed, TimeSpan.FromMinutes(5), 3) };
        Assert.Equal(1L, await db.ScalarAsync<long>(Schema009.NextQuotaEpoch, QuotaKey));
        Assert.Equal((1, 1), (await OldQuota(counted[0], 1), await OldQuota(counted[1], 1)));
        Assert.Equal(2L, await db.ScalarAsync<long>(Schema009.NextQuotaEpoch, QuotaKey));
        Assert.Equal((0, 1), (await OldQuota(counted[2], 1), await OldQuota(counted[2], 2)));
        var link = new CustomerLink(P1, Bsuid, (Now - TimeSpan.FromHours(1)).UtcTicks);
        Assert.Equal(1, await OldLink(link));

        // What an old silo reads, twice (its statements prepared), before the migration.
        var oldReads = await OldReadsAsync(db);
        Assert.Equal(oldReads, await OldReadsAsync(db));
        var files = await db.ColumnAsync(RelationFiles);

        var applied = await Schema008.MigrateAsync(db, version: 10);

        Assert.Equal([10], applied.Select(s => s.Version));
        Assert.Equal(files, await db.ColumnAsync(RelationFiles));
        Assert.Equal(oldReads, await OldReadsAsync(db));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM waba_number_grant WHERE price IS NOT NULL"));

        // The new build reads every row as written: no price, no verdict, no allowance.
        await using var writer = StoreDatabase.NewWriter(db.DataSource);
        var store = new PostgreSqlMessagingStore(db.DataSource, writer, WabaRules.Document);
        var number = await store.LoadNumberAsync(Phone, Now);
        Assert.Equal([b, a, closeHashed], number.Windows);
        Assert.Equal([105L, 102, 101], number.InboundIds.Select(i => i.Digest));
        Assert.Equal([session, template], number.Grants);
        Assert.All(number.Grants, g => Assert.Equal(0, g.PriceCode));
        Assert.Empty(number.Verdicts);
        Assert.Null(number.Allowance);
        var quota = await store.LoadQuotaAsync(QuotaKey, Now);
        Assert.Equal(3L, quota.Epoch);
        Assert.Equal(counted, quota.Grants);
        Assert.Equal([link], quota.Links);

        // The old silo keeps writing beside the new build on its statements prepared before 010: every kind of
        // row lands and its quota writes still obey the fence (epoch 3 is now the new build's).
        var later = Message(P2, TimeSpan.Zero, 106);
        var (laterGrant, laterCount) = (Template("t-2", Hashed, TimeSpan.Zero, used: 4), Template("q-4", P2, TimeSpan.Zero, used: 4));
        var laterLink = new CustomerLink(Hashed, P2, Now.UtcTicks);
        Assert.Equal(1, await OldWindow(later));
        Assert.Equal(1, await oldSilo.AppendRowAsync(Schema009.InboundIds, Phone, 107L, Now));
        Assert.Equal(1, await OldGrant(laterGrant));
        Assert.Equal((0, 1), (await OldQuota(laterCount, 2), await OldQuota(laterCount, 3)));
        Assert.Equal(1, await OldLink(laterLink));

        // The new build writes a priced grant and a verdict; the old loads read the grant as before (no price).
        var priced = Template("p-1", P2, TimeSpan.FromMinutes(10), used: 3) with { PriceCode = new Price(PricingCategory.Marketing, FreeReason.None).Code };
        var verdict = new CustomerVerdict(Bsuid, VerdictKind.MarketingStopped, (Now - TimeSpan.FromMinutes(5)).UtcTicks);
        await store.AppendNumberAsync(Phone, null, priced);
        await store.AppendVerdictAsync(Phone, verdict);
        Assert.Contains($"p-1|7700000002|1|{(Now - TimeSpan.FromMinutes(10)).UtcDateTime:O}||3|50||", await RowsAsync(db, Schema009.LoadNumberGrants, Phone, Now - Day));

        number = await store.LoadNumberAsync(Phone, Now);
        Assert.Equal([b, a, closeHashed, later], number.Windows);
        Assert.Equal([105L, 107, 102, 101, 106], number.InboundIds.Select(i => i.Digest));
        Assert.Equal([session, template, priced, laterGrant], number.Grants);
        Assert.Equal([verdict], number.Verdicts);
        quota = await store.LoadQuotaAsync(QuotaKey, Now);
        Assert.Equal([.. counted, laterCount], quota.Grants);
        Assert.Equal([link, laterLink], quota.Links);
    }

    /// <summary>The file of the table 010 alters and of its indexes: a rewrite gives a relation a new file.</summary>
    private const string RelationFiles = "SELECT relname || ' ' || relfilenode FROM pg_class WHERE relname LIKE 'waba_number_grant%' ORDER BY relname";

    /// <summary>Every row an old silo's loads return (its statements, verbatim), as text.</summary>
    private static async Task<List<string>> OldReadsAsync(TestDatabase db) =>
    [
        .. await RowsAsync(db, Schema009.LoadWindows, Phone, Now, Now - Day),
        .. await RowsAsync(db, Schema009.LoadInboundIds, Phone, Now - Day),
        .. await RowsAsync(db, Schema009.LoadNumberGrants, Phone, Now - Day),
        .. await RowsAsync(db, Schema009.LoadQuotaGrants, QuotaKey, Now - Day),
        .. await RowsAsync(db, Schema009.LoadLinks, QuotaKey, Now - Day),
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

    private static WindowChange Message(CustomerIdentity customer, TimeSpan ago, long digest, EntryPoint entry = EntryPoint.None) =>
        new(customer, (Now - ago + Day).UtcTicks, false) { InboundDigest = digest, EntryPoint = entry };

    private static PermitGranted Template(string messageId, CustomerIdentity customer, TimeSpan ago, int used) =>
        new(messageId, customer, MessageType.Template, (Now - ago).UtcTicks) { Used = used, Limit = 50 };

    private static DateTimeOffset? At(long? ticks) => ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    private static DateTimeOffset At(long ticks) => new(ticks, TimeSpan.Zero);
}
