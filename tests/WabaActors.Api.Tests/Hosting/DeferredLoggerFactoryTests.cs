using Microsoft.Extensions.Logging;
using WabaActors.Api.Tests.Support;
using WabaActors.Host.Hosting;

namespace WabaActors.Api.Tests.Hosting;

/// <summary>
/// Npgsql's logs reach the host's logging: the data source is built with a logger factory that
/// forwards to the host's once it starts, and writes nothing before.
/// </summary>
public class DeferredLoggerFactoryTests
{
    [Fact]
    public void LoggersMadeBeforeAttachForwardToTheHostsLoggingAfterIt()
    {
        using var sink = new LogSink();
        using var host = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(sink));
        var deferred = new DeferredLoggerFactory();
        var logger = deferred.CreateLogger("Npgsql.Connection");

        Assert.False(logger.IsEnabled(LogLevel.Error));
        logger.LogError("before the host started");

        deferred.Attach(host);
        logger.LogWarning("after the host started");

        Assert.True(logger.IsEnabled(LogLevel.Debug));
        var line = Assert.Single(sink.Lines);
        Assert.Contains("Npgsql.Connection", line, StringComparison.Ordinal);
        Assert.Contains("after the host started", line, StringComparison.Ordinal);
    }
}
