using WabaActors.Api.Client;
using WabaActors.Api.Client.Models;
using WabaActors.Api.Tests.Support;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using ErrorCode = WabaActors.Api.Client.Models.ErrorCode;

namespace WabaActors.Api.Tests.Contract;

/// <summary>Issue 19: the batch of permits through the generated client — each entry one typed model, a decision or (with <c>code</c>) a problem.</summary>
[Collection(ApiCollection.Name)]
public sealed class GeneratedClientBatchTests(ApiFixture fixture)
{
    [Fact]
    public async Task BatchEntriesAreTypedDecisionsOrProblems()
    {
        var account = await fixture.Api.LiveAndApprovedAsync();
        var http = fixture.NewClient().Http;
        var api = new WabaActorsApiClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http)
        {
            BaseUrl = http.BaseAddress!.ToString().TrimEnd('/'),
        });
        var messageId = Ids.MessageId();

        var answer = (await api.V1.Tenants[account.Tenant].Accounts[account.Waba].Numbers[account.Phone].Permits.Batch.PostAsync(new PermitBatchBody
        {
            Permits =
            [
                new PermitBody { Customer = Ids.Customer(), Type = MessageKind.Template, MessageId = messageId },
                new PermitBody { Customer = "abc", Type = MessageKind.Session, MessageId = Ids.MessageId() },
            ],
        }))!;

        Assert.Equal(2, answer.Decisions!.Count);
        Assert.True(answer.Decisions[0].Allowed);
        Assert.Equal(messageId, answer.Decisions[0].MessageId);
        Assert.Null(answer.Decisions[0].Code);
        Assert.Equal(ErrorCode.ValidationFailed, answer.Decisions[1].Code);
        Assert.Equal(400, answer.Decisions[1].Status);
        Assert.Contains("customer", answer.Decisions[1].Errors!.AdditionalData.Keys);
    }
}
