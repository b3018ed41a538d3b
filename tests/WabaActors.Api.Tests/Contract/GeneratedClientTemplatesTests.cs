using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using WabaActors.Api.Client;
using WabaActors.Api.Client.Models;
using WabaActors.Api.Tests.Support;
using ErrorCode = WabaActors.Api.Client.Models.ErrorCode;
using Problem = WabaActors.Api.Client.Models.Problem;

namespace WabaActors.Api.Tests.Contract;

/// <summary>
/// Issue 18 through the client Kiota generates from docs/openapi.json: the template registry, a permit naming its
/// template and category with typed pricing, a typed denial reason, and a verdict with its typed effect.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class GeneratedClientTemplatesTests(ApiFixture fixture)
{
    [Fact]
    public async Task TemplatesPricingAndVerdictsThroughTheGeneratedClient()
    {
        var t = await fixture.Api.LiveAsync();
        var api = Client();
        var account = api.V1.Tenants[t.Tenant].Accounts[t.Waba];
        var number = account.Numbers[t.Phone];

        // the registry: typed category, status and instants
        var paused = (await account.Templates["spring_sale"]["en_US"].PutAsync(new TemplateBody
        {
            Status = TemplateStatus.Paused, Category = TemplateCategory.Marketing, PausedUntil = (await fixture.Api.Now()).AddHours(3),
        }))!;
        Assert.Equal((TemplateStatus.Paused, TemplateCategory.Marketing, false), (paused.Status, paused.Category, paused.Sendable));
        await account.Templates["order_update"]["cs"].PutAsync(new TemplateBody { Status = TemplateStatus.Approved });
        var registry = (await account.Templates.GetAsync())!.Templates!;
        Assert.Equal(["order_update", "spring_sale"], registry.Select(v => v.Name));
        Assert.Null(registry[0].Category);

        // permits: a typed denial for the paused template, typed pricing for the approved one
        var denied = (await number.Permits.PostAsync(Permit(Ids.Customer(), "spring_sale", "en_US")))!;
        Assert.Equal(DenialReason.TemplatePaused, denied.Reason);
        Assert.Equal(paused.PausedUntil, denied.RetryAt);
        Assert.Null(denied.Pricing);
        var customer = Ids.Customer();
        var allowed = (await number.Permits.PostAsync(Permit(customer, "order_update", "cs", TemplateCategory.Marketing)))!;
        Assert.True(allowed.Allowed);
        Assert.Equal((PricingCategory.Marketing, true, (FreeReason?)null), (allowed.Pricing!.Category, allowed.Pricing.Billable, allowed.Pricing.Free));

        // a verdict: typed effect and instant; then the typed reason it causes
        var at = await fixture.Api.Now();
        var limited = (await number.Outcomes.PostAsync(new OutcomeBody
        {
            MessageId = Ids.MessageId(), Customer = customer, Status = OutcomeStatus.Failed, ErrorCode = 131049, Timestamp = at,
        }))!;
        Assert.Equal(OutcomeEffect.MarketingLimited, limited.Effect);
        Assert.NotNull(limited.Until);
        var held = (await number.Permits.PostAsync(Permit(customer, "order_update", "cs", TemplateCategory.Marketing)))!;
        Assert.Equal(DenialReason.MarketingLimitPerUser, held.Reason);

        // a bad template: a typed problem naming the field
        var bad = await Assert.ThrowsAsync<Problem>(() => account.Templates["Spring"]["en_US"].PutAsync(new TemplateBody { Status = TemplateStatus.Approved }));
        Assert.Equal(ErrorCode.ValidationFailed, bad.Code);
        Assert.Equal(400, bad.ResponseStatusCode);
    }

    private static PermitBody Permit(string customer, string name, string language, TemplateCategory? category = null) => new()
    {
        Customer = customer, Type = MessageKind.Template, MessageId = Ids.MessageId(),
        Template = new TemplateRefBody { Name = name, Language = language }, Category = category,
    };

    private WabaActorsApiClient Client()
    {
        var http = fixture.NewClient().Http;
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http)
        {
            BaseUrl = http.BaseAddress!.ToString().TrimEnd('/'),
        };
        return new WabaActorsApiClient(adapter);
    }
}
