using System.Text.Json.Nodes;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// The template-recipient limit under concurrent HTTP load: never over, and idempotent on retry — under both
/// rule profiles (<see cref="TemplateConcurrencyDocumentTests"/>: 50, <see cref="TemplateConcurrencyMetaTests"/>: 250).
/// </summary>
public abstract class TemplateConcurrencyTests(HostFixture fixture)
{
    /// <summary>Customers beyond the limit, all asking at once.</summary>
    private const int OverTheLimit = 150;

    private readonly ApiClient _api = fixture.Api;
    private readonly int _limit = fixture.Profile.TemplateLimit;
    private readonly bool _shared = fixture.Profile.PortfolioLimits;

    [Fact]
    public async Task ConcurrentTemplatesForDistinctCustomersGrantExactlyTheLimitAndRetriesGrantTheSame()
    {
        var account = await _api.LiveAndApprovedAsync();
        var customers = _limit + OverTheLimit;
        var requests = Enumerable.Range(0, customers).Select(_ => (Customer: Ids.Customer(), MessageId: Ids.MessageId())).ToList();

        var first = await _api.TemplatesAtOnce(account, requests);
        var retry = await _api.TemplatesAtOnce(account, requests);

        var allowed = Allowed(first);
        Assert.Equal(_limit, allowed.Count);
        var denied = first.Where(d => !d.Bool("allowed")).ToList();
        Assert.Equal(customers - _limit, denied.Count);
        Assert.All(denied, d => Assert.Equal("template_recipient_limit_reached", d.Str("reason")));
        var retryAt = denied.Select(d => d.Instant("retryAt")).Distinct().ToList();
        Assert.Single(retryAt);

        Assert.Equal(allowed.Keys.Order(StringComparer.Ordinal), Allowed(retry).Keys.Order(StringComparer.Ordinal));
        Assert.All(allowed, a => Assert.Equal(a.Value, Allowed(retry)[a.Key]));
        Assert.All(retry.Where(d => !d.Bool("allowed")), d => Assert.Equal("template_recipient_limit_reached", d.Str("reason")));

        var view = (await _api.Get(account.Path)).Ok();
        Assert.Equal(_limit, view.Int("limits.templateRecipients.used"));
        Assert.Equal(_limit, view.Int("limits.templateRecipients.limit"));
        Assert.Equal(retryAt[0], view.Instant("limits.templateRecipients.nextSlotAt"));
        Assert.InRange(retryAt[0] - await _api.Now(), TimeSpan.FromHours(23), TimeSpan.FromHours(24));
    }

    [Fact]
    public async Task ConcurrentTemplatesFromTwoWabasOfOnePortfolioShareItsLimitUnderMetaOnly()
    {
        var (tenant, businessManagerId) = (Ids.Tenant(), Ids.BusinessManager());
        var first = await _api.LiveAndApprovedMemberAsync(tenant, businessManagerId);
        var second = await _api.LiveAndApprovedMemberAsync(tenant, businessManagerId);
        var each = _limit + OverTheLimit / 3;

        var decisions = await Task.WhenAll(_api.TemplatesAtOnce(first, each), _api.TemplatesAtOnce(second, each));

        var granted = decisions.Select(d => d.Count(x => x.Bool("allowed"))).ToList();
        if (_shared)
        {
            Assert.Equal(_limit, granted.Sum());
        }
        else
        {
            Assert.Equal([_limit, _limit], granted);
        }

        Assert.All(decisions.SelectMany(d => d).Where(d => !d.Bool("allowed")),
            d => Assert.Equal("template_recipient_limit_reached", d.Str("reason")));
        // Each view shows the limit used up: the account's own under document, the portfolio's shared one under meta.
        await Eventually.Until(async () =>
                ((await _api.Get(first.Path)).Ok().Int("limits.templateRecipients.used"), (await _api.Get(second.Path)).Ok().Int("limits.templateRecipients.used")) == (_limit, _limit),
            TimeSpan.FromSeconds(30), $"both views to show {_limit} template recipients used");
    }

    /// <summary>The grants, by message id, as JSON text.</summary>
    private static Dictionary<string, string> Allowed(IEnumerable<JsonNode> decisions) =>
        decisions.Where(d => d.Bool("allowed")).ToDictionary(d => d.Str("messageId")!, d => d.ToJsonString(), StringComparer.Ordinal);
}

[Collection(ApiCollection.Name)]
public sealed class TemplateConcurrencyDocumentTests(ApiFixture fixture) : TemplateConcurrencyTests(fixture);

[Collection(MetaApiCollection.Name)]
public sealed class TemplateConcurrencyMetaTests(MetaApiFixture fixture) : TemplateConcurrencyTests(fixture);
