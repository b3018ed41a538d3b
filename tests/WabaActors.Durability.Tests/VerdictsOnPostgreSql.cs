using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Pricing;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Verdicts;
using WabaActors.Durability.Tests.Support;
using WabaActors.Grains.Storage;
using WabaActors.Storage.PostgreSql;

namespace WabaActors.Durability.Tests;

/// <summary>
/// Schema 010 (issue 18): Meta's verdicts on a number's customers (phones and BSUIDs) come back from
/// PostgreSQL in write order while they matter, as the in-memory store gives them (which keeps a copy written twice twice), and are pruned
/// after; a verdict written twice is one row; the service allowance is one row per number, the latest
/// write standing; a grant's price survives a reload.
/// </summary>
public sealed class VerdictsOnPostgreSql : IAsyncLifetime
{
    private const string Number = "420601000110";
    private static readonly WabaRules Rules = WabaRules.Document;
    private static readonly DateTimeOffset Now = new(DateTimeOffset.UtcNow.UtcTicks / TimeSpan.TicksPerMicrosecond * TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
    private static readonly CustomerIdentity Phone = Id("+420777000011");
    private static readonly CustomerIdentity Other = Id("420777000012");
    private static readonly CustomerIdentity Bsuid = Id("US.13491208655302741918");
    private static readonly CustomerIdentity Parent = Id("US.ENT.11815799212886844830");
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
    public async Task VerdictsOfPhonesAndBsuidsLoadInWriteOrderWhileTheyMatterLikeInMemoryAndArePrunedAfter()
    {
        var clock = new FakeTimeProvider(Now);
        var memory = new InMemoryMessagingStore(clock, Rules);
        var live = new[]
        {
            new CustomerVerdict(Phone, VerdictKind.MarketingLimited, (Now - H(1)).UtcTicks, OutcomeDigest: 301),   // a hold: 23 h left
            new CustomerVerdict(Bsuid, VerdictKind.MarketingStopped, (Now - TimeSpan.FromDays(100)).UtcTicks),    // a stop: kept a year (written after a later one)
            new CustomerVerdict(Parent, VerdictKind.MarketingStopped, (Now - H(2)).UtcTicks, OutcomeDigest: 302), // a 131050 on a parent BSUID
            new CustomerVerdict(Other, VerdictKind.MarketingResumed, (Now - TimeSpan.FromDays(6)).UtcTicks),      // a resume: kept a week
        };
        var over = new[]
        {
            new CustomerVerdict(Other, VerdictKind.MarketingLimited, (Now - H(25)).UtcTicks, OutcomeDigest: 303), // its hold ended an hour ago
            new CustomerVerdict(Bsuid, VerdictKind.MarketingResumed, (Now - TimeSpan.FromDays(8)).UtcTicks),      // a week and a day ago
        };

        // Interleaved, and the first verdict written again (a retried commit): one row.
        foreach (var verdict in new[] { live[0], over[0], live[1], live[2], over[1], live[3], live[0] })
        {
            await Store.AppendVerdictAsync(Number, verdict);
            await memory.AppendVerdictAsync(Number, verdict);
        }

        var journal = await Store.LoadNumberAsync(Number, Now);

        Assert.Equal(live, journal.Verdicts);
        Assert.Equal((await memory.LoadNumberAsync(Number, Now)).Verdicts.Distinct(), journal.Verdicts);
        Assert.Equal(["420777000011", "US.13491208655302741918", "US.ENT.11815799212886844830", "420777000012"], journal.Verdicts.Select(v => v.Customer.ToString()));
        Assert.Equal(6L, await Db.ScalarAsync<long>("SELECT count(*) FROM waba_customer_verdict"));
        Assert.Equal(CustomerIdentity.StableDigest("US.ENT.11815799212886844830"),
            await Db.ScalarAsync<long>("SELECT customer FROM waba_customer_verdict WHERE customer_bsuid = 'US.ENT.11815799212886844830'"));
        Assert.Empty((await Store.LoadNumberAsync("420601000111", Now)).Verdicts);

        // The pruner deletes the two verdicts past their end, and the live ones still load.
        var pruner = new MessagingPruner(Db.DataSource, Rules, Options.Create(new PruneOptions()), new FakeTimeProvider(Now), NullLogger<MessagingPruner>.Instance);
        Assert.Equal(2L, await pruner.PruneOnceAsync());
        Assert.Equal(live, (await Store.LoadNumberAsync(Number, Now)).Verdicts);

        // Once the hold has ended, it is no longer loaded; the stores agree again.
        clock.Advance(H(23) + M(1));
        Assert.Equal(live[1..], (await Store.LoadNumberAsync(Number, clock.GetUtcNow())).Verdicts);
        Assert.Equal(live[1..], (await memory.LoadNumberAsync(Number, clock.GetUtcNow())).Verdicts);
    }

    [Fact]
    public async Task AVerdictAtATickBetweenMicrosecondsReloadsNeverEarlier()
    {
        // Meta's instant is min(its timestamp, now): now has ticks PostgreSQL does not keep. Rounded up, a
        // reloaded hold ends at most a microsecond later than the live one, never earlier.
        var verdict = new CustomerVerdict(Phone, VerdictKind.MarketingLimited, (Now - H(1)).UtcTicks + 3, OutcomeDigest: 304);
        await Store.AppendVerdictAsync(Number, verdict);

        var reloaded = Assert.Single((await Store.LoadNumberAsync(Number, Now)).Verdicts);

        Assert.Equal(verdict with { AtTicks = (Now - H(1)).UtcTicks + TimeSpan.TicksPerMicrosecond }, reloaded);
    }

    [Fact]
    public async Task TheServiceAllowanceIsOneRowPerNumberTheLatestWriteStanding()
    {
        var month = ServiceAllowance.MonthOf(Now);
        Assert.Null((await Store.LoadNumberAsync(Number, Now)).Allowance);

        await Store.SaveAllowanceAsync(Number, new ServiceAllowanceCount(month, 3));
        await Store.SaveAllowanceAsync("420601000111", new ServiceAllowanceCount(month, 900));
        await Store.SaveAllowanceAsync(Number, new ServiceAllowanceCount(month, 5));
        Assert.Equal(new ServiceAllowanceCount(month, 5), (await Store.LoadNumberAsync(Number, Now)).Allowance);

        // A new month starts the count again.
        await Store.SaveAllowanceAsync(Number, new ServiceAllowanceCount(month + 1, 1));
        Assert.Equal(new ServiceAllowanceCount(month + 1, 1), (await Store.LoadNumberAsync(Number, Now)).Allowance);
        Assert.Equal(new ServiceAllowanceCount(month, 900), (await Store.LoadNumberAsync("420601000111", Now)).Allowance);
        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT count(*) FROM waba_service_allowance"));
    }

    [Fact]
    public async Task AGrantsPriceSurvivesAReload()
    {
        var grants = new[]
        {
            new PermitGranted("m-1", Phone, MessageType.Template, (Now - H(3)).UtcTicks) { Used = 1, Limit = 50, PriceCode = new Price(PricingCategory.Marketing, FreeReason.None).Code },
            new PermitGranted("s-1", Bsuid, MessageType.Session, (Now - H(2)).UtcTicks) { WindowExpiresAtTicks = (Now + H(20)).UtcTicks, PriceCode = new Price(PricingCategory.Service, FreeReason.MonthlyAllowance).Code },
            new PermitGranted("u-1", Other, MessageType.Template, (Now - H(1)).UtcTicks) { Used = 2, Limit = 50, FreeUntilTicks = (Now + H(40)).UtcTicks, PriceCode = new Price(PricingCategory.Utility, FreeReason.FreeEntryPoint).Code },
            new PermitGranted("o-1", Other, MessageType.Template, (Now - M(30)).UtcTicks) { Used = 3, Limit = 50 },                  // no price
        };
        foreach (var grant in grants)
        {
            await Store.AppendNumberAsync(Number, null, grant);
        }

        var reloaded = (await Store.LoadNumberAsync(Number, Now)).Grants;

        Assert.Equal(grants, reloaded);
        Assert.Equal(
            new Price?[] { new(PricingCategory.Marketing, FreeReason.None), new(PricingCategory.Service, FreeReason.MonthlyAllowance), new(PricingCategory.Utility, FreeReason.FreeEntryPoint), null },
            reloaded.Select(g => Price.FromCode(g.PriceCode)));
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM waba_number_grant WHERE price IS NULL"));
    }

    private static CustomerIdentity Id(string text) => CustomerIdentity.Parse(text).Value;

    private static TimeSpan H(int hours) => TimeSpan.FromHours(hours);

    private static TimeSpan M(int minutes) => TimeSpan.FromMinutes(minutes);
}
