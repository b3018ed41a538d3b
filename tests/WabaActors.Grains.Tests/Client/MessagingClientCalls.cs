using WabaActors.Contracts.Messaging;
using WabaActors.Client;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Client;

/// <summary>The pipeline's .NET client answers with the same decisions as the grains, over the cluster client. Runs under both rule profiles.</summary>
public abstract class MessagingClientCalls(ClusterFixture fixture)
{
    private MessagingClient Client => new(fixture.Grains);

    [Fact]
    public async Task AllowsSessionInsideWindowOpenedThroughTheClientGivenPhoneWithPlus()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var customer = Ids.Customer();

        var window = await Client.RecordInboundAsync(account.Tenant, account.Waba, "+" + phones[0], customer, Ids.Message(), fixture.Now);
        var decision = await Client.CheckSendAsync(account.Tenant, account.Waba, "+" + phones[0], customer, MessageKind.Session, Ids.Message());

        Assert.True(window.Open);
        Assert.Equal((true, window.ExpiresAt), (decision.Allowed, decision.WindowExpiresAt));
    }

    [Fact]
    public async Task AllowsASessionToTheBsuidGivenACallRecordedUnderThePhoneWithTheUserId()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var (customer, bsuid) = (Ids.Customer(), "US.1" + Ids.Customer());

        var window = await Client.RecordInboundAsync(account.Tenant, account.Waba, phones[0], customer, "wacid." + Ids.Message(), fixture.Now,
            userId: bsuid, kind: InboundKind.Call, entryPoint: EntryPoint.Ctwa);
        var decision = await Client.CheckSendAsync(account.Tenant, account.Waba, phones[0], bsuid, MessageKind.Session, Ids.Message());
        var batch = await Client.CheckSendBatchAsync(account.Tenant, account.Waba, phones[0],
            [new(Ids.Customer(), MessageKind.Session, Ids.Message()) { UserId = bsuid }]);

        Assert.Equal((true, window.ExpiresAt), (decision.Allowed, decision.WindowExpiresAt));
        Assert.True(batch[0].Value!.Allowed, "the batch's own userId links its customer to the person whose window is open");
    }

    [Fact]
    public async Task ThrowsNamingUserIdGivenAUserIdThatIsAPhone()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);

        var refused = await Assert.ThrowsAsync<WabaRequestException>(() =>
            Client.CheckSendAsync(account.Tenant, account.Waba, phones[0], Ids.Customer(), MessageKind.Session, Ids.Message(), userId: Ids.Customer()));

        Assert.Contains("userId", refused.Failure.Errors!.Keys);
    }

    [Fact]
    public async Task DeniesWithReasonNotExceptionGivenNoWindow()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);

        var decision = await Client.CheckSendAsync(account.Tenant, account.Waba, phones[0], Ids.Customer(), MessageKind.Session, Ids.Message());

        Assert.Equal((false, DenialReason.CustomerServiceWindowClosed), (decision.Allowed, decision.Reason));
    }

    [Fact]
    public async Task AllowsNamingTheDenialInShadowGivenNoWindowForATenantInShadow()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains, tenant: ClusterFixture.ShadowTenant);

        var decision = await Client.CheckSendAsync(account.Tenant, account.Waba, phones[0], Ids.Customer(), MessageKind.Session, Ids.Message());
        var batch = await Client.CheckSendBatchAsync(account.Tenant, account.Waba, phones[0], [new(Ids.Customer(), MessageKind.Session, Ids.Message())]);

        Assert.Equal((true, null, DenialReason.CustomerServiceWindowClosed), (decision.Allowed, decision.Reason, decision.Shadow?.Reason));
        Assert.Equal((true, DenialReason.CustomerServiceWindowClosed), (batch[0].Value!.Allowed, batch[0].Value!.Shadow?.Reason));
    }

    [Fact]
    public async Task AnswersTheProfilesDecisionNotExceptionGivenReviewPending()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);

        var decision = await Client.CheckSendAsync(account.Tenant, account.Waba, phones[0], Ids.Customer(), MessageKind.Template, Ids.Message());
        var batch = await Client.CheckSendBatchAsync(account.Tenant, account.Waba, phones[0], [new(Ids.Customer(), MessageKind.Template, Ids.Message())]);

        if (fixture.Rules.SendsAllowedWhileReviewPending)
        {
            Assert.Equal((true, 1), (decision.Allowed, decision.TemplateRecipients!.Used));
            Assert.Equal((true, 2), (batch[0].Value!.Allowed, batch[0].Value!.TemplateRecipients!.Used));
        }
        else
        {
            Assert.Equal((false, DenialReason.AccountUnderReview), (decision.Allowed, decision.Reason));
            Assert.Equal((false, DenialReason.AccountUnderReview), (batch[0].Value!.Allowed, batch[0].Value!.Reason));
        }
    }

    [Fact]
    public async Task ThrowsWithStableCodeGivenAnotherTenantsNumber()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);

        var error = await Assert.ThrowsAsync<WabaRequestException>(() =>
            Client.CheckSendAsync("other-tenant", account.Waba, phones[0], Ids.Customer(), MessageKind.Template, Ids.Message()));

        Assert.Equal("not_found", error.Code);
    }

    [Fact]
    public async Task DecidesEachCheckOfBatchInOrderWithRefusalsAsResults()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var customer = Ids.Customer();
        await Client.RecordInboundAsync(account.Tenant, account.Waba, phones[0], customer, Ids.Message(), fixture.Now);

        var results = await Client.CheckSendBatchAsync(account.Tenant, account.Waba, "+" + phones[0],
        [
            new(customer, MessageKind.Session, Ids.Message()),
            new(Ids.Customer(), MessageKind.Session, Ids.Message()),
            new("not-a-customer", MessageKind.Template, Ids.Message()),
            new(Ids.Customer(), MessageKind.Template, Ids.Message()),
        ]);

        Assert.Equal([true, false], results.Take(2).Select(r => r.Value!.Allowed));
        Assert.Equal(DenialReason.CustomerServiceWindowClosed, results[1].Value!.Reason);
        Assert.Equal("validation_failed", results[2].Failure!.Code);
        Assert.Equal((true, 1), (results[3].Value!.Allowed, results[3].Value!.TemplateRecipients!.Used));
    }

    [Fact]
    public async Task ThrowsValidationFailedAndDecidesNothingGivenEmptyBatch()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);

        var error = await Assert.ThrowsAsync<WabaRequestException>(() => Client.CheckSendBatchAsync(account.Tenant, account.Waba, phones[0], []));

        Assert.Equal("validation_failed", error.Code);
        Assert.Contains("permits", error.Failure.Errors!.Keys);
    }

    [Fact]
    public async Task ThrowsValidationFailedGivenMalformedCustomer()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);

        var error = await Assert.ThrowsAsync<WabaRequestException>(() =>
            Client.RecordInboundAsync(account.Tenant, account.Waba, phones[0], "not-a-customer", Ids.Message(), fixture.Now));

        Assert.Equal("validation_failed", error.Code);
        Assert.Contains("customer", error.Failure.Errors!.Keys);
    }
}

[Collection(ClusterCollection.Name)]
public sealed class MessagingClientCallsDocument(ClusterFixture fixture) : MessagingClientCalls(fixture);

[Collection(MetaClusterCollection.Name)]
public sealed class MessagingClientCallsMeta(MetaClusterFixture fixture) : MessagingClientCalls(fixture);
