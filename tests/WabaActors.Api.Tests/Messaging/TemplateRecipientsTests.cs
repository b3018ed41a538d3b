using System.Net;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// <c>GET …/template-recipients</c>: when each recipient still counted in the rolling 24 h was counted, under both
/// rule profiles (<see cref="TemplateRecipientsDocumentTests"/>, <see cref="TemplateRecipientsMetaTests"/>; under
/// <c>meta</c> the set is the portfolio's). The reviews are approved first: under <c>meta</c> a pending one holds every send.
/// </summary>
public abstract class TemplateRecipientsTests(HostFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;
    private readonly RuleProfile _rules = fixture.Profile;

    [Fact]
    public async Task ListsEachCountedRecipientOnceWithTheUsageOfTheAccountView()
    {
        var account = await _api.LiveAndApprovedAsync();
        var (alice, bob) = (Ids.Customer(), Ids.Customer());
        await Template(account, alice);
        await _api.Advance(TimeSpan.FromHours(2));
        await Template(account, bob);
        await Template(account, alice);
        var now = await _api.Now();

        var set = (await _api.Get(account.Path + "/template-recipients")).Ok();

        Assert.Equal(2, set.Int("used"));
        Assert.Equal(_rules.TemplateLimit, set.Int("limit"));
        Assert.True(set.IsNull("nextSlotAt"));
        var counted = set["countedAt"]!.AsArray().Select(n => Json.Instant((string)n!)).ToList();
        Assert.Equal(2, counted.Count);
        Assert.InRange(counted[1] - counted[0], TimeSpan.FromHours(2), TimeSpan.FromHours(2.1));
        Assert.InRange(set.Instant("to"), now, now.AddMinutes(1));
        Assert.Equal(TimeSpan.FromHours(24), set.Instant("to") - set.Instant("from"));
        Assert.All(counted, at => Assert.InRange(at, set.Instant("from"), set.Instant("to")));
        var limits = (await _api.Get(account.Path)).Ok();
        Assert.Equal(2, limits.Int("limits.templateRecipients.used"));
    }

    [Fact]
    public async Task RecipientsCountedADayAgoAreGone()
    {
        var account = await _api.LiveAndApprovedAsync();
        await Template(account, Ids.Customer());
        await _api.Advance(TimeSpan.FromHours(24));

        var set = (await _api.Get(account.Path + "/template-recipients")).Ok();

        Assert.Equal(0, set.Int("used"));
        Assert.Empty(set["countedAt"]!.AsArray());
    }

    [Fact]
    public async Task TwoWabasOfOnePortfolioCountOneSetUnderMetaAndEachTheirOwnUnderDocument()
    {
        var (tenant, businessManagerId) = (Ids.Tenant(), Ids.BusinessManager());
        var first = await _api.LiveAndApprovedMemberAsync(tenant, businessManagerId);
        var second = await _api.LiveAndApprovedMemberAsync(tenant, businessManagerId);
        var (alice, bob) = (Ids.Customer(), Ids.Customer());

        await Template(first, alice);
        await Template(second, alice);
        await Template(second, bob);

        var firstSet = (await _api.Get(first.Path + "/template-recipients")).Ok();
        var secondSet = (await _api.Get(second.Path + "/template-recipients")).Ok();
        var expected = _rules.PortfolioLimits ? (2, 2) : (1, 2);
        Assert.Equal(expected, (firstSet.Int("used"), secondSet.Int("used")));
        Assert.Equal((_rules.TemplateLimit, _rules.TemplateLimit), (firstSet.Int("limit"), secondSet.Int("limit")));
        await Eventually.Until(async () =>
                ((await _api.Get(first.Path)).Ok().Int("limits.templateRecipients.used"), (await _api.Get(second.Path)).Ok().Int("limits.templateRecipients.used")) == expected,
            TimeSpan.FromSeconds(30), "both members' views to show the counts");
    }

    private async Task Template(TestAccount account, string customer) =>
        Assert.True((await _api.Post(account.Number + "/permits", new { customer, type = "template", messageId = Ids.MessageId() })).Ok().Bool("allowed"));
}

[Collection(ApiCollection.Name)]
public sealed class TemplateRecipientsDocumentTests(ApiFixture fixture) : TemplateRecipientsTests(fixture);

[Collection(MetaApiCollection.Name)]
public sealed class TemplateRecipientsMetaTests(MetaApiFixture fixture) : TemplateRecipientsTests(fixture);

/// <summary>
/// <c>GET …/template-recipients</c> of an account that is not the tenant's: refused before any rule applies,
/// the same under either rule profile, so run on the <c>document</c> host only.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TemplateRecipientsInputTests(ApiFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    [Fact]
    public async Task AnotherTenantsAccountIsNotFound()
    {
        var account = await _api.LiveAsync();

        (await _api.Get($"/v1/tenants/{Ids.Tenant()}/accounts/{account.Waba}/template-recipients")).Problem(HttpStatusCode.NotFound, "not_found");
        (await _api.Get(TestAccount.Fresh().Path + "/template-recipients")).Problem(HttpStatusCode.NotFound, "not_found");
    }
}
