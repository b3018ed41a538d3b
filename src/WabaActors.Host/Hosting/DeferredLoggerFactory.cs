namespace WabaActors.Host.Hosting;

/// <summary>
/// A logger factory for what is built before the host's own exists: the Npgsql data source is made
/// while the silo is configured (Orleans' providers take it then), but its logs belong in the host's
/// pipeline (console, JSON, OTLP, the same filters). Loggers handed out before
/// <see cref="Attach"/> write nothing; from then on each forwards to the host's logger of the same
/// category. <see cref="AttachOnStart"/> attaches it as the host starts, before the silo.
/// </summary>
internal sealed class DeferredLoggerFactory : ILoggerFactory
{
    private ILoggerFactory? _inner;

    public void Attach(ILoggerFactory inner) => Volatile.Write(ref _inner, inner);

    public ILogger CreateLogger(string categoryName) => new Deferred(this, categoryName);

    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("Add providers to the host's logging, not to this factory.");

    public void Dispose()
    {
    }

    /// <summary>Attaches the factory to the host's logging when the host starts (registered before the silo, so it runs first).</summary>
    public sealed class AttachOnStart(DeferredLoggerFactory deferred, ILoggerFactory host) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            deferred.Attach(host);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class Deferred(DeferredLoggerFactory factory, string category) : ILogger
    {
        private ILogger? _logger;

        private ILogger? Inner
        {
            get
            {
                if (_logger is null && Volatile.Read(ref factory._inner) is { } inner)
                {
                    _logger = inner.CreateLogger(category);
                }

                return _logger;
            }
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => Inner?.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => Inner?.IsEnabled(logLevel) ?? false;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Inner?.Log(logLevel, eventId, state, exception, formatter);
    }
}
