using System.Net;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>docs/api.md "Batches of permits": rate limits count permits, not calls; a refused batch decides nothing.</summary>
[Collection(PermitRateLimitedApiCollection.Name)]
public class PermitBatchRateLimitTests(PermitRateLimitedApiFixture fixture)
{
    private const int Burst = PermitRateLimitedApiFixture.Burst;

    private readonly ApiClient _api = fixture.Api;

    [Fact]
    public async Task BatchOfNTakesNTokens()
    {
        var whole = TestAccount.Fresh();
        var nearly = TestAccount.Fresh();

        (await Batch(whole, Burst)).Problem(HttpStatusCode.NotFound, "not_found");
        (await Batch(nearly, Burst - 1)).Problem(HttpStatusCode.NotFound, "not_found");

        var refused = await _api.Get(whole.Path);
        refused.Problem(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.InRange(refused.RetryAfterSeconds, 1, 3600);
        (await _api.Get(nearly.Path)).Problem(HttpStatusCode.NotFound, "not_found");
        (await _api.Get(nearly.Path)).Problem(HttpStatusCode.TooManyRequests, "rate_limited");
    }

    [Fact]
    public async Task BatchBeyondTheTokensLeftIs429WithRetryAfterAndDecidesNothing()
    {
        var account = await _api.LiveAndApprovedAsync();

        var refused = await Batch(account, Burst);

        // The bucket refills a token an hour: the wait is for every token the batch still lacks.
        refused.Problem(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.InRange(refused.RetryAfterSeconds, 3600, Burst * 3600);
        Assert.Equal(0, (await _api.Get(account.Path)).Ok().Int("limits.templateRecipients.used"));
    }

    [Fact]
    public async Task BatchLargerThanTheBucketIs400()
    {
        var account = TestAccount.Fresh();

        (await Batch(account, Burst + 1)).Invalid("permits");
        (await _api.Get(account.Path)).Problem(HttpStatusCode.NotFound, "not_found");
    }

    private Task<Reply> Batch(TestAccount account, int size) =>
        _api.Post(account.Number + "/permits/batch", new
        {
            permits = Enumerable.Range(0, size).Select(_ => new { customer = Ids.Customer(), type = "template", messageId = Ids.MessageId() }).ToList(),
        });
}
