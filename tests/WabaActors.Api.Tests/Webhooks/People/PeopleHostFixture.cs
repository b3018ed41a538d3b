using Microsoft.Extensions.DependencyInjection;
using Orleans;
using WabaActors.Api.Tests.Support;
using WabaActors.Contracts;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Messaging;

namespace WabaActors.Api.Tests;

/// <summary>
/// A host like <see cref="HostFixture"/>'s that also lends its grain factory: the HTTP edge does not
/// take BSUIDs yet (another change), so a BSUID's window and permits are asked of the number grain,
/// with the same scope the HTTP edge would use. Phones are still asked over HTTP.
/// </summary>
public abstract class PeopleHostFixture : IAsyncLifetime
{
    private ApiFactory _factory = null!;

    public ApiClient Api { get; private set; } = null!;

    public LogSink Logs => _factory.Logs;

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        _factory = new ApiFactory(Settings);
        _factory.StartServer();
        var http = _factory.CreateClient();
        http.Timeout = TimeSpan.FromSeconds(30);
        Api = new ApiClient(http);
        await Eventually.Until(async () => (await Api.Get("/health/ready")).Status == System.Net.HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the silo did not become ready");
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>The window of <paramref name="customer"/> (a phone or a BSUID) on the account's number.</summary>
    public async Task<WindowView> WindowAsync(TestAccount account, string customer)
    {
        var reply = await Number(account).GetWindowAsync(Owner(account), customer);
        Assert.True(reply.IsSuccess, reply.Failure?.Message);
        return reply.Value!;
    }

    /// <summary>A session permit to <paramref name="customer"/> (a phone or a BSUID) on the account's number.</summary>
    public async Task<PermitDecision> SessionPermitAsync(TestAccount account, string customer)
    {
        var reply = await Number(account).RequestPermitAsync(Owner(account), new PermitRequest(customer, MessageKind.Session, Ids.MessageId()));
        Assert.True(reply.IsSuccess, reply.Failure?.Message);
        return reply.Value!;
    }

    private INumberGrain Number(TestAccount account) =>
        _factory.Services.GetRequiredService<IGrainFactory>().Reference<INumberGrain>(account.Phone);

    private static Scope Owner(TestAccount account) => new(account.Tenant, account.Waba);
}

public sealed class PeopleDocumentFixture : PeopleHostFixture;

public sealed class PeopleMetaFixture : PeopleHostFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["WabaActors:Rules:Profile"] = "meta" };
}

[CollectionDefinition(Name)]
public sealed class PeopleDocumentCollection : ICollectionFixture<PeopleDocumentFixture>
{
    public const string Name = "webhooks people document";
}

[CollectionDefinition(Name)]
public sealed class PeopleMetaCollection : ICollectionFixture<PeopleMetaFixture>
{
    public const string Name = "webhooks people meta";
}
