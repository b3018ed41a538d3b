using WabaActors.Contracts.Messaging;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Messaging;

/// <summary>The message id is the idempotency key: a grant is replayed and counted once. Runs under both rule profiles.</summary>
public abstract class NumberRequestPermitReplay(ClusterFixture fixture)
{
    [Fact]
    public async Task AnswersSameGrantAndCountsOnceGivenSameMessageId()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var (customer, messageId) = (Ids.Customer(), Ids.Message());
        var first = await account.PermitAsync(phones[0], customer, MessageKind.Template, messageId);
        Assert.True(first.Allowed);
        await account.PermitAsync(phones[0], Ids.Customer(), MessageKind.Template);
        await fixture.AdvanceAsync(TimeSpan.FromMinutes(10));

        var replay = await account.PermitAsync(phones[0], customer, MessageKind.Template, messageId);

        Assert.Equal(first, replay);
        Assert.Equal(1, replay.TemplateRecipients!.Used);
        Assert.Equal(2, (await account.ViewAsync()).Limits.TemplateRecipients.Used);
    }

    [Fact]
    public async Task RefusesMessageIdReusedGivenAnotherCustomer()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var messageId = Ids.Message();
        Assert.True((await account.PermitAsync(phones[0], Ids.Customer(), MessageKind.Template, messageId)).Allowed);

        await account.Number(phones[0])
            .RequestPermitAsync(account.Scope, new(Ids.Customer(), MessageKind.Template, messageId))
            .Refused("message_id_reused");

        Assert.Equal(1, (await account.ViewAsync()).Limits.TemplateRecipients.Used);
    }

    [Fact]
    public async Task RefusesMessageIdReusedGivenSameIdForAnotherCustomerThroughAnotherNumber()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains, numbers: 2);
        var messageId = Ids.Message();
        Assert.True((await account.PermitAsync(phones[0], Ids.Customer(), MessageKind.Template, messageId)).Allowed);

        await account.Number(phones[1])
            .RequestPermitAsync(account.Scope, new(Ids.Customer(), MessageKind.Template, messageId))
            .Refused("message_id_reused");

        Assert.Equal(1, (await account.ViewAsync()).Limits.TemplateRecipients.Used);
    }

    [Fact]
    public async Task DecidesAfreshGivenDeniedMessageIdRetried()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var (customer, messageId) = (Ids.Customer(), Ids.Message());
        Assert.False((await account.PermitAsync(phones[0], customer, MessageKind.Session, messageId)).Allowed);
        await account.InboundAsync(phones[0], customer, fixture.Now).Ok();

        var retried = await account.PermitAsync(phones[0], customer, MessageKind.Session, messageId);

        Assert.True(retried.Allowed);
    }

    [Fact]
    public async Task GrantsAndCountsOnceGivenMessageIdRetriedAfterReviewApproved()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var (customer, messageId) = (Ids.Customer(), Ids.Message());
        var first = await account.PermitAsync(phones[0], customer, MessageKind.Template, messageId);
        await account.ApproveCommerceReviewAsync();

        var retried = await account.PermitAsync(phones[0], customer, MessageKind.Template, messageId);

        if (fixture.Rules.SendsAllowedWhileReviewPending)
        {
            Assert.True(first.Allowed);
            Assert.Equal(first, retried);
        }
        else
        {
            // A denial is not kept: the retry is decided afresh, now that the review no longer holds sends.
            Assert.Equal((false, DenialReason.AccountUnderReview), (first.Allowed, first.Reason));
            Assert.True(retried.Allowed);
        }

        Assert.Equal(1, retried.TemplateRecipients!.Used);
        Assert.Equal(1, (await account.ViewAsync()).Limits.TemplateRecipients.Used);
    }
}

[Collection(ClusterCollection.Name)]
public sealed class NumberRequestPermitReplayDocument(ClusterFixture fixture) : NumberRequestPermitReplay(fixture);

[Collection(MetaClusterCollection.Name)]
public sealed class NumberRequestPermitReplayMeta(MetaClusterFixture fixture) : NumberRequestPermitReplay(fixture);
