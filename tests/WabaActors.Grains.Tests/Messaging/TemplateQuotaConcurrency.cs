using WabaActors.Contracts.Messaging;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Messaging;

/// <summary>The limit holds under concurrent permits from both numbers of one account, and retries count nothing.</summary>
[Collection(ClusterCollection.Name)]
public class TemplateQuotaConcurrency(ClusterFixture fixture)
{
    [Fact]
    public async Task AllowsExactly50Given200ConcurrentRecipientsAndTheirRetries()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains, numbers: 2);
        var requests = Enumerable.Range(0, 200)
            .Select(i => (Phone: phones[i % 2], Request: new PermitRequest(Ids.Customer(), "template", Ids.Message())))
            .ToArray();

        var first = await RequestAllAsync(account, requests);
        var retried = await RequestAllAsync(account, requests);

        Assert.Equal(50, first.Count(d => d.Allowed));
        Assert.All(first.Where(d => !d.Allowed), d => Assert.Equal("template_recipient_limit_reached", d.Reason));
        Assert.Equal(50, retried.Count(d => d.Allowed));
        Assert.Equal(
            first.Where(d => d.Allowed).Select(d => d.MessageId).Order(StringComparer.Ordinal),
            retried.Where(d => d.Allowed).Select(d => d.MessageId).Order(StringComparer.Ordinal));
        Assert.Equal(50, (await account.ViewAsync()).Limits.TemplateRecipients.Used);
    }

    private static async Task<PermitDecision[]> RequestAllAsync(TestAccount account, (string Phone, PermitRequest Request)[] requests) =>
        await Task.WhenAll(requests.Select(r => account.Number(r.Phone).RequestPermitAsync(account.Scope, r.Request).Ok()));
}
