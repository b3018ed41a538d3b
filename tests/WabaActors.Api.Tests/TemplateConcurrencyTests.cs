using System.Text.Json.Nodes;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>The template-recipient limit under concurrent HTTP load: never over, and idempotent on retry.</summary>
[Collection(ApiCollection.Name)]
public class TemplateConcurrencyTests(ApiFixture fixture)
{
    private const int Customers = 200;
    private const int Limit = 50;
    private readonly ApiClient _api = fixture.Api;

    [Fact]
    public async Task ConcurrentTemplatesForDistinctCustomersGrantExactlyTheLimitAndRetriesGrantTheSame()
    {
        var account = await _api.LiveAsync();
        var requests = Enumerable.Range(0, Customers).Select(_ => (Customer: Ids.Customer(), MessageId: Ids.MessageId())).ToList();

        var first = await SendAll(account, requests);
        var retry = await SendAll(account, requests);

        var allowed = Allowed(first);
        Assert.Equal(Limit, allowed.Count);
        var denied = first.Where(d => !d.Bool("allowed")).ToList();
        Assert.Equal(Customers - Limit, denied.Count);
        Assert.All(denied, d => Assert.Equal("template_recipient_limit_reached", d.Str("reason")));
        var retryAt = denied.Select(d => d.Instant("retryAt")).Distinct().ToList();
        Assert.Single(retryAt);

        Assert.Equal(allowed.Keys.Order(StringComparer.Ordinal), Allowed(retry).Keys.Order(StringComparer.Ordinal));
        Assert.All(allowed, a => Assert.Equal(a.Value, Allowed(retry)[a.Key]));
        Assert.All(retry.Where(d => !d.Bool("allowed")), d => Assert.Equal("template_recipient_limit_reached", d.Str("reason")));

        var view = (await _api.Get(account.Path)).Ok();
        Assert.Equal(Limit, view.Int("limits.templateRecipients.used"));
        Assert.Equal(Limit, view.Int("limits.templateRecipients.limit"));
        Assert.Equal(retryAt[0], view.Instant("limits.templateRecipients.nextSlotAt"));
        Assert.InRange(retryAt[0] - await _api.Now(), TimeSpan.FromHours(23), TimeSpan.FromHours(24));
    }

    private async Task<JsonNode[]> SendAll(TestAccount account, IEnumerable<(string Customer, string MessageId)> requests)
    {
        // Every request is built and waiting before the first one goes out.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = requests.Select(async r =>
        {
            await start.Task;
            return (await _api.Post(account.Number + "/permits", new { customer = r.Customer, type = "template", messageId = r.MessageId })).Ok();
        }).ToList();
        start.SetResult();
        return await Task.WhenAll(calls);
    }

    /// <summary>The grants, by message id, as JSON text.</summary>
    private static Dictionary<string, string> Allowed(IEnumerable<JsonNode> decisions) =>
        decisions.Where(d => d.Bool("allowed")).ToDictionary(d => d.Str("messageId")!, d => d.ToJsonString(), StringComparer.Ordinal);
}
