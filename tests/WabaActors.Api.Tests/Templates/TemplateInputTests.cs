using System.Net;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// Bad templates, categories, statuses and outcomes are a <c>400 validation_failed</c> naming every bad field, before
/// any grain is asked (the rules do not depend on the profile).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TemplateInputTests(ApiFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    [Theory]
    [InlineData("Spring-Sale", "en_US", "approved", null, new[] { "name" })]
    [InlineData("spring_sale", "english", "approved", null, new[] { "language" })]
    [InlineData("spring_sale", "en_US", "live", null, new[] { "status" })]
    [InlineData("spring_sale", "en_US", null, null, new[] { "status" })]
    [InlineData("spring_sale", "en_US", "approved", "promotional", new[] { "category" })]
    [InlineData("Spring", "EN", "APPROVED", "Marketing", new[] { "name", "language", "status", "category" })]
    public async Task ABadTemplateIsRefusedNamingEachBadField(string name, string language, string? status, string? category, string[] fields)
    {
        var account = await _api.LiveAsync();

        (await _api.Put(account.Template(name, language), new { status, category })).Invalid(fields);

        Assert.Empty(await _api.Templates(account));
    }

    [Fact]
    public async Task APauseEndIsGivenOnlyWithPaused()
    {
        var account = await _api.LiveAsync();

        (await _api.Put(account.Template("spring_sale"), new { status = "approved", pausedUntil = Json.Iso(await _api.Now()) })).Invalid("pausedUntil");

        Assert.Empty(await _api.Templates(account));
    }

    [Fact]
    public async Task ATemplateOfAnUnknownAccountIsNotFound()
    {
        var account = TestAccount.Fresh();

        (await _api.Put(account.Template("spring_sale"), new { status = "approved" })).Problem(HttpStatusCode.NotFound, "not_found");
        (await _api.Get(account.Path + "/templates")).Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task APermitNamingABadTemplateOrCategoryIsRefusedNamingThem()
    {
        var account = await _api.LiveAsync();
        var permits = account.Number + "/permits";

        (await _api.Post(permits, new { customer = Ids.Customer(), type = "template", messageId = Ids.MessageId(), template = new { name = "Spring Sale", language = "en_US" } }))
            .Invalid("template.name");
        (await _api.Post(permits, new { customer = Ids.Customer(), type = "template", messageId = Ids.MessageId(), template = new { name = "spring_sale" } }))
            .Invalid("template.language");
        (await _api.Post(permits, new { customer = "x", type = "template", messageId = Ids.MessageId(), template = new { name = "spring_sale", language = "en_US" }, category = "promo" }))
            .Invalid("customer", "category");
    }

    [Fact]
    public async Task ABadOutcomeIsRefusedNamingEachBadField()
    {
        var account = await _api.LiveAsync();
        var outcomes = account.Number + "/outcomes";

        (await _api.Post(outcomes, new { messageId = Ids.MessageId(), customer = Ids.Customer(), status = "bounced" })).Invalid("status");
        (await _api.Post(outcomes, new { customer = Ids.Customer(), status = "failed", errorCode = 0 })).Invalid("messageId", "errorCode");
        (await _api.Post(outcomes, new { messageId = Ids.MessageId(), customer = "+", userId = "420777000111" })).Invalid("customer", "userId", "status");
    }

    [Fact]
    public async Task AnOutcomeFromTheFutureIsRefusedAndChangesNothing()
    {
        var account = await _api.LiveAndApprovedAsync();
        var customer = Ids.Customer();

        (await _api.Outcome(account, customer, 131050, (await _api.Now()).AddHours(1))).Problem(HttpStatusCode.UnprocessableEntity, "timestamp_in_future");

        Assert.True((await _api.TemplatePermit(account, customer, category: "marketing")).Bool("allowed"));
    }

    [Fact]
    public async Task AnOutcomeForAnUnknownNumberIsNotFound()
    {
        var account = await _api.LiveAsync();

        (await _api.Post(account.NumberOf(Ids.Phone()) + "/outcomes", new { messageId = Ids.MessageId(), customer = Ids.Customer(), status = "delivered" }))
            .Problem(HttpStatusCode.NotFound, "not_found");
    }
}
