using WabaActors.Contracts.Messaging;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Messaging;

/// <summary>A batch of permits decides each as if asked alone, in order, with one answer per request. Runs under both rule profiles.</summary>
public abstract class NumberRequestPermitBatch(ClusterFixture fixture)
{
    /// <summary>The most permits one batch may carry (<c>WabaActors:Grains:PermitBatchLimit</c>, default).</summary>
    private const int BatchLimit = 100;

    [Fact]
    [Trait("Rule", "customer-service-window")]
    public async Task DecidesEachInOrderGivenSessionsInsideAndOutsideWindow()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var (inside, outside) = (Ids.Customer(), Ids.Customer());
        var window = await account.InboundAsync(phones[0], inside, fixture.Now).Ok();

        var replies = await BatchAsync(account, phones[0],
            new(inside, MessageKind.Session, "m-1"), new(outside, MessageKind.Session, "m-2"), new(inside, MessageKind.Session, "m-3"));

        Assert.Equal(["m-1", "m-2", "m-3"], replies.Select(r => r.Ok().MessageId));
        Assert.Equal([true, false, true], replies.Select(r => r.Ok().Allowed));
        Assert.Equal((window.ExpiresAt, DenialReason.CustomerServiceWindowClosed), (replies[0].Ok().WindowExpiresAt, replies[1].Ok().Reason));
    }

    [Fact]
    [Trait("Rule", "template-recipient-limit")]
    public async Task CountsTemplatesUpToLimitAndDeniesRestGivenBatchOverLimit()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var limit = fixture.Rules.TemplateRecipientLimit;
        var requests = Enumerable.Range(0, limit + 5).Select(_ => new PermitRequest(Ids.Customer(), MessageKind.Template, Ids.Message())).ToArray();

        // A limit above one batch's size is reached over several batches; the last one crosses it.
        var replies = new List<Contracts.Common.Reply<PermitDecision>>();
        foreach (var batch in requests.Chunk(BatchLimit))
        {
            replies.AddRange(await BatchAsync(account, phones[0], batch));
        }

        Assert.Equal(requests.Select(r => r.MessageId), replies.Select(r => r.Ok().MessageId));
        Assert.All(replies.Take(limit), r => Assert.True(r.Ok().Allowed));
        var retryAt = fixture.Now + fixture.Rules.TemplateRecipientPeriod;
        Assert.All(replies.Skip(limit), r => Assert.Equal((false, DenialReason.TemplateRecipientLimitReached, retryAt), (r.Ok().Allowed, r.Ok().Reason, r.Ok().RetryAt)));
        Assert.Equal(5, replies.Skip(limit).Count());
        Assert.Equal(limit, (await account.ViewAsync()).Limits.TemplateRecipients.Used);
    }

    [Fact]
    [Trait("Rule", "idempotency")]
    public async Task ReplaysFirstGrantAndCountsOnceGivenMessageIdRepeatedInBatchAndLater()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var customer = Ids.Customer();
        var first = new PermitRequest(customer, MessageKind.Template, Ids.Message());

        var replies = await BatchAsync(account, phones[0], first, first);
        var retried = await account.PermitAsync(phones[0], customer, MessageKind.Template, first.MessageId);

        Assert.Equal(replies[0].Ok(), replies[1].Ok());
        Assert.Equal(replies[0].Ok(), retried);
        Assert.Equal(1, (await account.ViewAsync()).Limits.TemplateRecipients.Used);
    }

    [Fact]
    [Trait("Rule", "idempotency")]
    public async Task RefusesOnlyTheBadRequestsGivenMalformedAndReusedAmongGoodOnes()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var customer = Ids.Customer();
        var reused = Ids.Message();
        await account.InboundAsync(phones[0], customer, fixture.Now).Ok();

        var replies = await BatchAsync(account, phones[0],
            new(customer, MessageKind.Session, reused), new("not-a-customer", MessageKind.Session, Ids.Message()),
            new(Ids.Customer(), MessageKind.Template, reused), new(customer, (MessageKind)7, Ids.Message()), new(customer, MessageKind.Session, Ids.Message()));

        Assert.True(replies[0].Ok().Allowed);
        Assert.Contains("customer", replies[1].Refused("validation_failed").Errors!.Keys);
        replies[2].Refused("message_id_reused");
        Assert.Contains("type", replies[3].Refused("validation_failed").Errors!.Keys);
        Assert.True(replies[4].Ok().Allowed);
        Assert.Equal(0, (await account.ViewAsync()).Limits.TemplateRecipients.Used);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(BatchLimit + 1)]
    public async Task RefusesWholeBatchAndDecidesNothingGivenEmptyOrOverLimit(int size)
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var requests = Enumerable.Range(0, size).Select(_ => new PermitRequest(Ids.Customer(), MessageKind.Template, Ids.Message())).ToArray();

        var failure = await account.Number(phones[0]).RequestPermitsAsync(account.Scope, requests).Refused("validation_failed");

        Assert.Contains("permits", failure.Errors!.Keys);
        Assert.Equal(0, (await account.ViewAsync()).Limits.TemplateRecipients.Used);
    }

    [Fact]
    public async Task RefusesWithNotFoundGivenAnotherAccountsScope()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var stranger = TestAccount.Fresh(fixture.Grains);

        await stranger.Number(phones[0]).RequestPermitsAsync(stranger.Scope, [new(Ids.Customer(), MessageKind.Template, Ids.Message())]).Refused("not_found");

        Assert.Equal(0, (await account.ViewAsync()).Limits.TemplateRecipients.Used);
    }

    private static async Task<IReadOnlyList<Contracts.Common.Reply<PermitDecision>>> BatchAsync(TestAccount account, string phone, params PermitRequest[] requests)
    {
        var replies = (await account.Number(phone).RequestPermitsAsync(account.Scope, requests).Ok()).Replies;
        Assert.Equal(requests.Length, replies.Count);
        return replies;
    }
}

[Collection(ClusterCollection.Name)]
public sealed class NumberRequestPermitBatchDocument(ClusterFixture fixture) : NumberRequestPermitBatch(fixture);

[Collection(MetaClusterCollection.Name)]
public sealed class NumberRequestPermitBatchMeta(MetaClusterFixture fixture) : NumberRequestPermitBatch(fixture);
