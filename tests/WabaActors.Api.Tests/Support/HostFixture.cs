using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace WabaActors.Api.Tests.Support;

/// <summary>A started host (one silo) with <see cref="Settings"/> on top of the embedded default, ready when initialised.</summary>
public abstract class HostFixture : IAsyncLifetime
{
    private ApiFactory _factory = null!;

    public ApiClient Api { get; private set; } = null!;

    /// <summary>What the host logged so far.</summary>
    public LogSink Logs => _factory.Logs;

    /// <summary>Configuration changed while the host runs: each change is a reload.</summary>
    public LiveSettings Live => _factory.Live;

    /// <summary>The host's endpoints, for tests that cover every route.</summary>
    public EndpointDataSource Endpoints => _factory.Services.GetRequiredService<EndpointDataSource>();

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>The rule profile this host runs (its <see cref="Settings"/> pick it): the figures its tests expect.</summary>
    public virtual RuleProfile Profile => RuleProfile.Document;

    /// <summary>A client of its own (no default headers shared with <see cref="Api"/>).</summary>
    public ApiClient NewClient(string? key = null)
    {
        var http = _factory.CreateClient();
        http.Timeout = TimeSpan.FromSeconds(30);
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new("Bearer", key);
        }

        return new ApiClient(http);
    }

    public virtual async Task InitializeAsync()
    {
        _factory = new ApiFactory(Settings);
        _factory.StartServer();
        Api = NewClient(ReadyKey);
        await Eventually.Until(async () => (await Api.Get("/health/ready")).Status == System.Net.HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the silo did not become ready");
    }

    public virtual async Task DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>The key <see cref="Api"/> sends (null: none).</summary>
    protected virtual string? ReadyKey => null;
}
