namespace WabaActors.Api.Tests.Support;

/// <summary>A started <see cref="ApiFactory"/> a test owns, disposed with it.</summary>
public sealed class RunningHost(ApiFactory factory) : IAsyncDisposable
{
    public ApiFactory Factory { get; } = factory;

    public LogSink Logs => Factory.Logs;

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
