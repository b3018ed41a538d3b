using WabaActors.Contracts.Common;
using WabaActors.Contracts.Messaging;
using WabaActors.Durability.Tests.Support;

namespace WabaActors.Durability.Tests;

/// <summary>
/// A PostgreSQL error raised on a silo reaches a caller in another process (the cluster's client, as the
/// HTTP host of another silo or mluvii's .NET client would be) as the error it is: a server shutting
/// down (57P01) is a storage outage of that kind there too, so the caller answers or raises "unavailable,
/// retry" instead of a bug.
/// </summary>
public class ServerRefusalAcrossTheCall
{
    [Fact]
    public async Task AServerShuttingDownIsAnOutageOnTheCallersSide()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var cluster = await WabaCluster.StartAsync(db, $"svc-{Ids.Short()}", $"cluster-{Ids.Short()}");
        var phone = Ids.Phone();
        var account = await GrainAccount.LiveAsync(cluster.GrainFactory, phone);
        var number = GrainAccount.Number(cluster.GrainFactory, phone);

        var (customer, messageId) = (Ids.Customer(), Ids.Message());
        Exception error;
        await using (await RefusedWrites.OnAsync(db, "waba_number_grant", sqlState: "57P01"))
        {
            error = await Assert.ThrowsAnyAsync<Exception>(async () =>
                await number.RequestPermitAsync(account.Scope, new PermitRequest(customer, MessageKind.Template, messageId)));
        }

        Assert.Equal(StorageFault.ServerShutdown, StorageFault.KindOf(error));

        // The retry the caller was told to make is answered once the database takes writes again, and the
        // customer is counted once.
        var grant = await account.PermitAsync(cluster.GrainFactory, phone, customer, MessageKind.Template, messageId);
        Assert.True(grant.Allowed);
        Assert.Equal(1, grant.TemplateRecipients!.Used);
    }
}
