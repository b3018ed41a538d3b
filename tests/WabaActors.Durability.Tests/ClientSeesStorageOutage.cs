using WabaActors.Client;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Messaging;
using WabaActors.Durability.Tests.Support;

namespace WabaActors.Durability.Tests;

/// <summary>
/// The .NET client (over the Orleans gateway, as the messaging pipeline uses it) while the database is
/// down: an inbound message and a template permit that cannot be written raise
/// <see cref="WabaUnavailableException"/> — retriable, <c>storage_unavailable</c>, a <c>RetryAfter</c> —
/// not an opaque exception; a refusal of the request itself stays a non-retriable
/// <see cref="WabaRequestException"/>; once the database is back the same calls succeed, no restart.
/// </summary>
public sealed class ClientSeesStorageOutage
{
    [Fact]
    public async Task AWriteDuringAnOutageIsARetriableUnavailableError()
    {
        await using var pg = await PrivatePostgres.StartAsync();
        await using var db = await TestDatabase.CreateOnAsync(pg.ConnectionString);
        await using var cluster = await WabaCluster.StartAsync(db, $"svc-{Ids.Short()}", $"cluster-{Ids.Short()}");
        var phone = Ids.Phone();
        var account = await GrainAccount.LiveAsync(cluster.GrainFactory, phone);
        var client = new MessagingClient(cluster.Client);
        var (customer, inboundId, recipient, templateId) = (Ids.Customer(), Ids.Message(), Ids.Customer(), Ids.Message());
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);

        var refused = await Assert.ThrowsAsync<WabaRequestException>(() =>
            client.CheckSendAsync(account.Tenant, account.Waba, phone, "not a customer", MessageKind.Session, Ids.Message()));
        Assert.False(refused.IsRetriable);

        await pg.KillAsync();
        var inbound = await Assert.ThrowsAsync<WabaUnavailableException>(() =>
            client.RecordInboundAsync(account.Tenant, account.Waba, phone, customer, inboundId, at));
        Assert.Equal(Unavailable.StorageUnavailable, inbound.Code);
        Assert.True(inbound.IsRetriable);
        Assert.Equal(TimeSpan.FromSeconds(2), inbound.RetryAfter);
        var template = await Assert.ThrowsAsync<WabaUnavailableException>(() =>
            client.CheckSendAsync(account.Tenant, account.Waba, phone, recipient, MessageKind.Template, templateId));
        Assert.Equal(Unavailable.StorageUnavailable, template.Code);

        // Back: the same requests, retried as the exception says, are answered.
        await pg.ResumeAsync();
        var window = await Eventually.GetAsync(
            () => Answer(() => client.RecordInboundAsync(account.Tenant, account.Waba, phone, customer, inboundId, at)),
            w => w is not null, "the inbound message answered after the return");
        Assert.True(window!.Open);
        // The quota's writer may meet a connection the crash broke, once: that answer is "unavailable" again.
        var grant = await Eventually.GetAsync(
            () => Answer(() => client.CheckSendAsync(account.Tenant, account.Waba, phone, recipient, MessageKind.Template, templateId)),
            d => d is not null, "the template permit answered after the return");
        Assert.True(grant!.Allowed);
    }

    /// <summary>The answer, or null while the call is still refused as unavailable.</summary>
    private static async Task<T?> Answer<T>(Func<Task<T>> call)
        where T : class
    {
        try
        {
            return await call();
        }
        catch (WabaUnavailableException)
        {
            return null;
        }
    }
}
