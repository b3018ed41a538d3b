namespace WabaActors.Api.Tests.Support;

/// <summary>A started <see cref="ApiFactory"/> a test owns, disposed with it.</summary>
public sealed class RunningHost(ApiFactory factory) : IAsyncDisposable
{
    public ApiFactory Factory { get; } = factory;

    public LogSink Logs => Factory.Logs;

    /// <summary>A host configured by <paramref name="secrets"/> alone (no webhook secrets of the factory's), started.</summary>
    public static RunningHost Start(SecretsFile secrets)
    {
        var factory = new ApiFactory(secrets.Settings(), webhooks: false);
        factory.StartServer();
        return new RunningHost(factory);
    }

    public ApiClient Client() => new(Factory.CreateClient());

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
