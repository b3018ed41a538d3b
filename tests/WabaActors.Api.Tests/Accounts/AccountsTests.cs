using System.Net;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// <c>PUT</c>/<c>GET …/accounts/{waba}</c>: the view of a new account with its profile's limits, under both rule
/// profiles (<see cref="AccountsDocumentTests"/>, <see cref="AccountsMetaTests"/>).
/// </summary>
public abstract class AccountsTests(HostFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;
    private readonly RuleProfile _rules = fixture.Profile;

    [Fact]
    public async Task NewAccountViewIsOnboardingAtStep1WithTheDefaultLimits()
    {
        var account = TestAccount.Fresh();

        var view = (await _api.Put(account.Path, new { name = "Acme" })).Created();

        Assert.Equal(account.Tenant, view.Str("tenant"));
        Assert.Equal(account.Waba, view.Str("waba"));
        Assert.Equal("Acme", view.Str("name"));
        Assert.Equal("onboarding", view.Str("status"));
        Assert.Equal(1, view.Int("onboarding.step"));
        Assert.Equal(4, view.At("onboarding.steps")!.AsArray().Count);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(i + 1, view.Int($"onboarding.steps[{i}].step"));
            Assert.Equal("pending", view.Str($"onboarding.steps[{i}].status"));
            Assert.True(view.IsNull($"onboarding.steps[{i}].completedAt"));
        }

        Assert.True(view.IsNull("commercePolicyReview.status"));
        Assert.False(view.Bool("commercePolicyReview.overdue"));
        Assert.True(view.IsNull("commercePolicyReview.dueAt"));
        Assert.Equal("not_started", view.Str("businessVerification.status"));
        Assert.Equal(0, view.Int("limits.numbers.used"));
        Assert.Equal(_rules.NumberLimit, view.Int("limits.numbers.max"));
        Assert.Equal(0, view.Int("limits.templateRecipients.used"));
        Assert.Equal(_rules.TemplateLimit, view.Int("limits.templateRecipients.limit"));
        Assert.True(view.IsNull("limits.templateRecipients.nextSlotAt"));
        Assert.Empty(view.At("numbers")!.AsArray());
    }
}

[Collection(ApiCollection.Name)]
public sealed class AccountsDocumentTests(ApiFixture fixture) : AccountsTests(fixture);

[Collection(MetaApiCollection.Name)]
public sealed class AccountsMetaTests(MetaApiFixture fixture) : AccountsTests(fixture);

/// <summary>
/// Creating and reading accounts as HTTP: idempotent <c>PUT</c>, ownership by tenant, malformed names and ids. No rule
/// decides any of it, so run on the <c>document</c> host only.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AccountsInputTests(ApiFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    [Fact]
    public async Task PutCreates201ThenAnswers200WithTheSameView()
    {
        var account = TestAccount.Fresh();

        var created = (await _api.Put(account.Path, new { name = "Acme" })).Created();
        var again = (await _api.Put(account.Path, new { name = "Acme" })).Ok();

        Assert.Equal(created.ToJsonString(), again.ToJsonString());
        Assert.Equal(created.ToJsonString(), (await _api.Get(account.Path)).Ok().ToJsonString());
    }

    [Fact]
    public async Task PutWithoutBodyCreatesAnUnnamedAccount()
    {
        var account = TestAccount.Fresh();

        var view = (await _api.SendRaw(HttpMethod.Put, account.Path, (byte[]?)null)).Created();

        Assert.True(view.IsNull("name"));
    }

    [Fact]
    public async Task PutOfTheSameWabaUnderAnotherTenantIs409WabaAlreadyOnboardedNamingNoTenant()
    {
        var account = await _api.CreatedAsync();
        var before = await _api.Snapshot(account);
        var other = Ids.Tenant();

        var problem = (await _api.Put($"/v1/tenants/{other}/accounts/{account.Waba}", new { name = "Other" }))
            .Problem(HttpStatusCode.Conflict, "waba_already_onboarded");

        Assert.DoesNotContain(account.Tenant, problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(before, await _api.Snapshot(account));
        (await _api.Get($"/v1/tenants/{other}/accounts/{account.Waba}")).Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task GetIs404NotFoundGivenNeverCreated() =>
        (await _api.Get(TestAccount.Fresh().Path)).Problem(HttpStatusCode.NotFound, "not_found");

    [Fact]
    public async Task AnotherTenantsAccountIs404NotFoundForEveryCall()
    {
        var account = await _api.LiveAsync();
        var before = await _api.Snapshot(account);
        var stranger = account with { Tenant = Ids.Tenant() };

        var replies = new[]
        {
            await _api.Get(stranger.Path),
            await _api.Get(stranger.Events),
            await _api.Get(stranger.Number),
            await _api.Post(stranger.Path + "/onboarding/user-account", Onboarding.Email),
            await _api.Post(stranger.Path + "/onboarding/business-manager", Onboarding.BusinessManager),
            await _api.Post(stranger.Path + "/numbers", Onboarding.Sms(Ids.Phone())),
            await _api.Post(stranger.Path + "/reviews/commerce-policy", new { decision = "rejected" }),
            await _api.Post(stranger.Path + "/business-verification", new { status = "verified" }),
            await _api.Put(stranger.Number + "/display-name", new { name = "Acme" }),
            await _api.Post(stranger.Number + "/inbound", new { customer = Ids.Customer(), messageId = Ids.MessageId(), timestamp = Json.Iso(await _api.Now()) }),
            await _api.Post(stranger.Number + "/permits", new { customer = Ids.Customer(), type = "template", messageId = Ids.MessageId() }),
            await _api.Get(stranger.Number + "/windows/" + Ids.Customer()),
        };

        Assert.All(replies, r => r.Problem(HttpStatusCode.NotFound, "not_found"));
        Assert.Equal(before, await _api.Snapshot(account));
    }

    [Fact]
    public async Task PutRefusesANameOver256Characters()
    {
        var account = TestAccount.Fresh();

        (await _api.Put(account.Path, new { name = new string('n', 257) })).Invalid("name");

        (await _api.Get(account.Path)).Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task PutRefusesAnInvalidNameEvenGivenTheAccountExists()
    {
        var account = await _api.CreatedAsync();
        var before = await _api.Snapshot(account);

        (await _api.Put(account.Path, new { name = "Acme\u0000" })).Invalid("name");

        Assert.Equal(before, await _api.Snapshot(account));
    }

    [Theory]
    [InlineData("Tenant", "w1", "tenant")]
    [InlineData("-t", "w1", "tenant")]
    [InlineData("t_1", "w1", "tenant")]
    [InlineData("t1", "w.1", "waba")]
    [InlineData("t1", "w%201", "waba")]
    public async Task MalformedPathIdsAre400NamingThem(string tenant, string waba, string field) =>
        (await _api.Put($"/v1/tenants/{tenant}/accounts/{waba}", new { name = "Acme" })).Invalid(field);

    [Fact]
    public async Task TenantOf64CharactersIsAcceptedAnd65Refused()
    {
        var waba = Ids.Waba();

        (await _api.Put($"/v1/tenants/{new string('a', 64)}/accounts/{waba}")).Created();
        (await _api.Put($"/v1/tenants/{new string('a', 65)}/accounts/{Ids.Waba()}")).Invalid("tenant");
    }
}
