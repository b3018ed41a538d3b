namespace WabaActors.Api.Tests.Support;

/// <summary>One host (one silo) for the whole assembly; every test uses fresh tenant, WABA and phone ids.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private readonly ApiFactory _factory = new();

    public ApiClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _factory.StartServer();
        var http = _factory.CreateClient();
        http.Timeout = TimeSpan.FromSeconds(30);
        Api = new ApiClient(http);
        await Eventually.Until(async () => (await Api.Get("/health/ready")).Status == System.Net.HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the silo did not become ready");
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}
