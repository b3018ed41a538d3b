using WabaActors.Contracts.Messaging;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Messaging;

/// <summary>
/// A caller that gave up before its permit ran (an HTTP request aborted, a pipeline timeout) gets a
/// cancellation and nothing is decided for it: no recipient is counted. Runs under both rule profiles.
/// </summary>
public abstract class NumberPermitCancellation(ClusterFixture fixture)
{
    [Fact]
    public async Task CountsNothingGivenACallerThatCancelledBeforeThePermitRan()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var request = new PermitRequest(Ids.Customer(), MessageKind.Template, Ids.Message());
        using var gone = new CancellationTokenSource();
        await gone.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await account.Number(phones[0]).RequestPermitAsync(account.Scope, request, gone.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await account.Number(phones[0]).RequestPermitsAsync(account.Scope, [request], gone.Token));

        Assert.Equal(0, (await account.ViewAsync()).Limits.TemplateRecipients.Used);
        var decided = await account.Number(phones[0]).RequestPermitAsync(account.Scope, request).Ok();
        Assert.Equal((true, 1), (decided.Allowed, decided.TemplateRecipients!.Used));
    }
}

[Collection(ClusterCollection.Name)]
public sealed class NumberPermitCancellationDocument(ClusterFixture fixture) : NumberPermitCancellation(fixture);

[Collection(MetaClusterCollection.Name)]
public sealed class NumberPermitCancellationMeta(MetaClusterFixture fixture) : NumberPermitCancellation(fixture);
