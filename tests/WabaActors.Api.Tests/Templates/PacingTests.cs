using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// docs/api.md § Meta's verdicts on earlier sends, pacing: under <c>meta</c> a number sends at most 80 a second
/// (<c>throughput_limit</c>) and one customer gets bursts of 45, then one per 6 s (<c>pair_rate_limit</c>), both with
/// <c>retryAt</c>; under <c>document</c> pacing is off. Bursts go out at once, so that they fall inside one second.
/// The <c>meta</c> host is <see cref="MetaPacingApiFixture"/>'s: Meta's throughput, not the shared host's raised one.
/// </summary>
public abstract class PacingTests(HostFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    protected abstract bool Paced { get; }

    [Fact]
    public async Task The46thPermitToOneCustomerWaitsForThePairRate()
    {
        var account = await _api.LiveAndApprovedAsync();
        var customer = Ids.Customer();
        for (var i = 0; i < 45; i++)
        {
            Assert.True((await _api.TemplatePermit(account, customer, category: "utility")).Bool("allowed"), $"permit {i + 1}");
        }

        var now = await _api.Now();
        var next = await _api.TemplatePermit(account, customer, category: "utility");

        if (Paced)
        {
            Assert.Equal("pair_rate_limit", next.Denied());
            Assert.InRange(next.Instant("retryAt"), now, now.AddSeconds(6));
            Assert.True((await _api.TemplatePermit(account, Ids.Customer(), category: "utility")).Bool("allowed"));
        }
        else
        {
            Assert.True(next.Bool("allowed"));
        }
    }

    [Fact]
    public async Task MoreThan80PermitsInASecondWaitForTheNumbersThroughput()
    {
        var account = await _api.LiveAndApprovedAsync();

        var decisions = await Burst(account);

        var limited = decisions.Where(d => !d.Bool("allowed")).ToList();
        if (Paced)
        {
            Assert.NotEmpty(limited);
            Assert.All(limited, d => Assert.Equal("throughput_limit", d.Str("reason")));
            Assert.All(limited, d => Assert.NotNull(d.MaybeInstant("retryAt")));
            Assert.InRange(decisions.Count(d => d.Bool("allowed")), 80, Customers * PerCustomer - 1);
        }
        else
        {
            Assert.Empty(limited);
        }
    }

    [Fact]
    public async Task AfterMetasThroughputUpgradeTheNumberSendsABurstOfAThousandASecond()
    {
        var account = await _api.LiveAndApprovedAsync();
        var upgrade = new { display_phone_number = "+" + account.Phone, @event = "THROUGHPUT_UPGRADE", max_daily_conversations_per_business = "TIER_UNLIMITED" };

        Assert.Equal(1, (await _api.Webhook(Webhooks.Envelope(account.Waba, "phone_number_quality_update", upgrade))).Receipt().Applied);

        Assert.All(await Burst(account), d => Assert.True(d.Bool("allowed"), d.ToJsonString()));
        Assert.Equal(int.MaxValue, (await _api.Get(account.Path)).Ok().Int("limits.templateRecipients.limit"));
    }

    private const int Customers = 4;

    private const int PerCustomer = 40;

    /// <summary>160 template permits at once, 40 to each of 4 customers (under the pair burst, few recipients).</summary>
    private async Task<System.Text.Json.Nodes.JsonNode[]> Burst(TestAccount account)
    {
        var customers = Enumerable.Range(0, Customers).Select(_ => Ids.Customer()).ToList();
        return await _api.TemplatesAtOnce(account, Enumerable.Range(0, Customers * PerCustomer).Select(i => (customers[i % Customers], Ids.MessageId())).ToList());
    }
}

[Collection(ApiCollection.Name)]
public sealed class PacingDocumentTests(ApiFixture fixture) : PacingTests(fixture)
{
    protected override bool Paced => false;
}

[Collection(MetaPacingApiCollection.Name)]
public sealed class PacingMetaTests(MetaPacingApiFixture fixture) : PacingTests(fixture)
{
    protected override bool Paced => true;
}
