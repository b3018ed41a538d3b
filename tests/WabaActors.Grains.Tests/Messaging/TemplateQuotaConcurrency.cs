using WabaActors.Contracts.Messaging;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Messaging;

/// <summary>The limit holds under concurrent permits from both numbers of one account, and retries count nothing. Runs under both rule profiles.</summary>
public abstract class TemplateQuotaConcurrency(ClusterFixture fixture)
{
    [Fact]
    public async Task AllowsExactlyTheLimitGivenFourTimesAsManyConcurrentRecipientsAndTheirRetries()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains, numbers: 2);
        var limit = fixture.Rules.TemplateRecipientLimit;
        var requests = Enumerable.Range(0, 4 * limit)
            .Select(i => (Phone: phones[i % 2], Request: new PermitRequest(Ids.Customer(), MessageKind.Template, Ids.Message())))
            .ToArray();

        var first = await RequestAllAsync(account, requests);
        var retried = await RequestAllAsync(account, requests);

        Assert.Equal(limit, first.Count(d => d.Allowed));
        Assert.All(first.Where(d => !d.Allowed), d => Assert.Equal(DenialReason.TemplateRecipientLimitReached, d.Reason));
        Assert.Equal(limit, retried.Count(d => d.Allowed));
        Assert.Equal(
            first.Where(d => d.Allowed).Select(d => d.MessageId).Order(StringComparer.Ordinal),
            retried.Where(d => d.Allowed).Select(d => d.MessageId).Order(StringComparer.Ordinal));
        Assert.Equal(limit, (await account.ViewAsync()).Limits.TemplateRecipients.Used);
    }

    private static async Task<PermitDecision[]> RequestAllAsync(TestAccount account, (string Phone, PermitRequest Request)[] requests) =>
        await Task.WhenAll(requests.Select(r => account.Number(r.Phone).RequestPermitAsync(account.Scope, r.Request).Ok()));
}

[Collection(ClusterCollection.Name)]
public sealed class TemplateQuotaConcurrencyDocument(ClusterFixture fixture) : TemplateQuotaConcurrency(fixture);

[Collection(MetaClusterCollection.Name)]
public sealed class TemplateQuotaConcurrencyMeta(MetaClusterFixture fixture) : TemplateQuotaConcurrency(fixture);
