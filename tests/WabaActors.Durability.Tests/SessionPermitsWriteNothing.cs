using WabaActors.Contracts.Messaging;
using WabaActors.Durability.Tests.Support;

namespace WabaActors.Durability.Tests;

/// <summary>
/// A session permit is a read (ADR 0022): on PostgreSQL it writes no row, while a template grant writes its
/// row before it is answered, and a session grant that starts a free period writes the one row pricing needs.
/// </summary>
public class SessionPermitsWriteNothing
{
    [Fact]
    public async Task WritesNoRowPerSessionPermitAndOnePerTemplateGrant()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var cluster = await WabaCluster.StartAsync(db, $"svc-{Ids.Short()}", $"cluster-{Ids.Short()}");
        var grains = cluster.GrainFactory;
        var phone = Ids.Phone();
        var account = await GrainAccount.LiveAsync(grains, phone);
        var customers = Enumerable.Range(0, 10).Select(_ => Ids.Customer()).ToArray();
        foreach (var customer in customers)
        {
            await account.InboundAsync(grains, phone, customer, Ids.Message(), DateTimeOffset.UtcNow);
        }

        Task<long> RowsAsync() => db.ScalarAsync<long>("SELECT count(*) FROM waba_number_grant WHERE phone = $1", phone);
        for (var i = 0; i < 100; i++)
        {
            var session = await account.PermitAsync(grains, phone, customers[i % customers.Length], MessageKind.Session, Ids.Message());
            Assert.True(session.Allowed, session.Reason?.ToString());
        }

        Assert.Equal(0, await RowsAsync());
        var template = await account.PermitAsync(grains, phone, Ids.Customer(), MessageKind.Template, Ids.Message());
        Assert.True(template.Allowed, template.Reason?.ToString());
        Assert.Equal(1, await RowsAsync());
    }
}
