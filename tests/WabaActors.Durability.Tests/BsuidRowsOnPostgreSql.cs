using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Rules;
using WabaActors.Durability.Tests.Support;
using WabaActors.Storage.PostgreSql;

namespace WabaActors.Durability.Tests;

/// <summary>
/// Customers are phones or BSUIDs (ADR 0020): a BSUID row keeps its text beside a stable digest, a phone row
/// is today's. Windows (open, close, entry point), number grants (free until), quota grants and links of
/// packed, hashed and parent BSUIDs and of phones come back from PostgreSQL as written; each customer's
/// window changes fold apart from every other's; links older than the link retention are neither loaded nor kept.
/// </summary>
public sealed class BsuidRowsOnPostgreSql : IAsyncLifetime
{
    private const long BsuidTag = 1L << 62;
    private static readonly WabaRules Rules = WabaRules.Document;
    private static readonly TimeSpan Day = Rules.ServiceWindow;
    private static readonly DateTimeOffset Now = new(DateTimeOffset.UtcNow.UtcTicks / TimeSpan.TicksPerMicrosecond * TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
    private static readonly CustomerIdentity Packed = Id("US.13491208655302741918");
    private static readonly CustomerIdentity Hashed = Id("BR.AbCdEf123");
    private static readonly CustomerIdentity Parent = Id("US.ENT.11815799212886844830");
    private static readonly CustomerIdentity Phone = Id("+420777000001");
    private static readonly CustomerIdentity Plain = Id("420777000002");
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
    public async Task WindowsAndNumberGrantsOfBsuidsAndPhonesLoadAsWrittenEachCustomerFoldedApart()
    {
        const string Number = "420601000100";
        WindowChange Open(CustomerIdentity c, TimeSpan ago, long digest, EntryPoint entry = EntryPoint.None) =>
            new(c, (Now - ago + Day).UtcTicks, false) { InboundDigest = digest, EntryPoint = entry };
        WindowChange Close(CustomerIdentity c, TimeSpan ago) => new(c, (Now - ago).UtcTicks, true);
        var (packed, phoneClosed, hashedClosed) = (Open(Packed, H(1), 202, EntryPoint.PageCta), Close(Phone, M(10)), Close(Hashed, M(70)));
        var (parent, plain) = (Open(Parent, M(30), 205), Open(Plain, M(40), 206, EntryPoint.Ctwa));

        // Out of order: the packed BSUID's older message is written last; the phone's close must not close
        // the BSUID, nor the BSUID's later message reopen the phone.
        foreach (var change in new[] { Open(Phone, H(2), 201, EntryPoint.Ctwa), packed, Open(Packed, H(3), 203), Open(Hashed, M(150), 204), hashedClosed, phoneClosed, parent, plain })
        {
            await Store.AppendNumberAsync(Number, change, null);
        }

        var grants = new[]
        {
            new PermitGranted("s-1", Packed, MessageType.Session, (Now - M(50)).UtcTicks) { WindowExpiresAtTicks = packed.ExpiresAtTicks, FreeUntilTicks = (Now + H(71)).UtcTicks },
            new PermitGranted("t-1", Hashed, MessageType.Template, (Now - M(40)).UtcTicks) { Used = 1, Limit = 50 },
            new PermitGranted("s-2", Plain, MessageType.Session, (Now - M(30)).UtcTicks) { WindowExpiresAtTicks = plain.ExpiresAtTicks, FreeUntilTicks = (Now + H(72)).UtcTicks },
            new PermitGranted("t-2", Parent, MessageType.Template, (Now - M(20)).UtcTicks) { Used = 2, Limit = 50 },
        };
        foreach (var grant in grants)
        {
            await Store.AppendNumberAsync(Number, null, grant);
        }

        var journal = await Store.LoadNumberAsync(Number, Now);

        Assert.Equal([hashedClosed, packed, plain, parent, phoneClosed], journal.Windows);
        Assert.Equal(["BR.AbCdEf123", "US.13491208655302741918", "420777000002", "US.ENT.11815799212886844830", "420777000001"], journal.Windows.Select(w => w.Customer.ToString()));
        Assert.Equal([203L, 204, 201, 202, 206, 205], journal.InboundIds.Select(i => i.Digest));
        Assert.Equal(grants, journal.Grants);
        Assert.Equal([CustomerKind.Bsuid, CustomerKind.Bsuid, CustomerKind.Phone, CustomerKind.ParentBsuid], journal.Grants.Select(g => g.Customer.Kind));

        // A BSUID row keeps its text and, in customer, its stable digest (bit 62: never a phone); a phone row is today's.
        Assert.Equal(0L, await Db.ScalarAsync<long>(
            "SELECT count(*) FROM (SELECT customer, customer_bsuid FROM waba_window UNION ALL SELECT customer, customer_bsuid FROM waba_number_grant) r"
            + " WHERE (customer_bsuid IS NULL) <> (customer < $1)", BsuidTag));
        Assert.Equal(CustomerIdentity.StableDigest("BR.AbCdEf123"), await Db.ScalarAsync<long>("SELECT DISTINCT customer FROM waba_window WHERE customer_bsuid = 'BR.AbCdEf123'"));
        Assert.Equal([1L, 1, 2], (await Db.ColumnAsync("SELECT entry_point FROM waba_window WHERE entry_point IS NOT NULL ORDER BY entry_point")).Select(long.Parse));
    }

    [Fact]
    public async Task QuotaGrantsAndLinksOfBsuidsLoadAsWrittenAndLinksPastTheRetentionArePruned()
    {
        const string QuotaKey = "account:waba-bsuid";
        var epoch = (await Store.LoadQuotaAsync(QuotaKey, Now)).Epoch;
        var counted = new[] { Phone, Packed, Hashed, Parent }
            .Select((c, i) => new PermitGranted($"q-{i}", c, MessageType.Template, (Now - M(40 - (10 * i))).UtcTicks) { Used = i + 1, Limit = 50 })
            .ToArray();
        foreach (var grant in counted)
        {
            Assert.True(await Store.AppendQuotaAsync(QuotaKey, epoch, grant));
        }

        var retention = Rules.LinkRetention;
        var forgotten = new CustomerLink(Hashed, Plain, (Now - retention - M(1)).UtcTicks);
        var links = new[]
        {
            new CustomerLink(Plain, Hashed, (Now - retention + M(1)).UtcTicks),
            new CustomerLink(Phone, Packed, (Now - H(2)).UtcTicks),
            new CustomerLink(Packed, Parent, (Now - H(1)).UtcTicks),
        };
        foreach (var link in links.Prepend(forgotten))
        {
            await Store.AppendLinkAsync(QuotaKey, link);
        }

        var journal = await Store.LoadQuotaAsync(QuotaKey, Now);

        Assert.Equal(counted, journal.Grants);
        Assert.Equal(links, journal.Links);
        Assert.Equal(("+420777000001", "US.13491208655302741918"), (journal.Links[1].Customer.ToString(), journal.Links[1].Partner.ToString()));

        // The pruner deletes the link rows a retention after they were taught, and keeps the rest.
        var pruner = new MessagingPruner(Db.DataSource, Rules, Options.Create(new PruneOptions()), new FakeTimeProvider(Now), NullLogger<MessagingPruner>.Instance);
        Assert.Equal(1L, await pruner.PruneOnceAsync());
        Assert.Equal(
            links.Select(l => l.TaughtAtTicks),
            (await Db.ColumnAsync("SELECT (extract(epoch FROM taught_at) * 1000000)::bigint FROM waba_customer_link ORDER BY taught_at"))
                .Select(us => DateTimeOffset.UnixEpoch.UtcTicks + (long.Parse(us) * TimeSpan.TicksPerMicrosecond)));
        Assert.Equal(links, (await Store.LoadQuotaAsync(QuotaKey, Now)).Links);
    }

    private static CustomerIdentity Id(string text) => CustomerIdentity.Parse(text).Value;

    private static TimeSpan H(int hours) => TimeSpan.FromHours(hours);

    private static TimeSpan M(int minutes) => TimeSpan.FromMinutes(minutes);
}
