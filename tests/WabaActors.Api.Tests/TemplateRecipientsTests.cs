using System.Net;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary><c>GET …/template-recipients</c>: when each recipient still counted in the rolling 24 h was counted.</summary>
[Collection(ApiCollection.Name)]
public class TemplateRecipientsTests(ApiFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    [Fact]
    public async Task ListsEachCountedRecipientOnceWithTheUsageOfTheAccountView()
    {
        var account = await _api.LiveAsync();
        var (alice, bob) = (Ids.Customer(), Ids.Customer());
        await Template(account, alice);
        await _api.Advance(TimeSpan.FromHours(2));
        await Template(account, bob);
        await Template(account, alice);
        var now = await _api.Now();

        var set = (await _api.Get(account.Path + "/template-recipients")).Ok();

        Assert.Equal(2, set.Int("used"));
        Assert.Equal(50, set.Int("limit"));
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
        var account = await _api.LiveAsync();
        await Template(account, Ids.Customer());
        await _api.Advance(TimeSpan.FromHours(24));

        var set = (await _api.Get(account.Path + "/template-recipients")).Ok();

        Assert.Equal(0, set.Int("used"));
        Assert.Empty(set["countedAt"]!.AsArray());
    }

    [Fact]
    public async Task AnotherTenantsAccountIsNotFound()
    {
        var account = await _api.LiveAsync();

        (await _api.Get($"/v1/tenants/{Ids.Tenant()}/accounts/{account.Waba}/template-recipients")).Problem(HttpStatusCode.NotFound, "not_found");
        (await _api.Get(TestAccount.Fresh().Path + "/template-recipients")).Problem(HttpStatusCode.NotFound, "not_found");
    }

    private async Task Template(TestAccount account, string customer) =>
        Assert.True((await _api.Post(account.Number + "/permits", new { customer, type = "template", messageId = Ids.MessageId() })).Ok().Bool("allowed"));
}
