using Microsoft.Extensions.Logging;

namespace WabaActors.Api.Tests.Support;

/// <summary>Keeps each log entry with the scope values it was written under (the trace id that <c>ActivityTrackingOptions</c> adds).</summary>
public sealed class ScopeSink : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public LockedList<(string Category, string Message, Dictionary<string, string?> Scope)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ScopeSink sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => sink._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new Dictionary<string, string?>();
            sink._scopes.ForEachScope((value, into) =>
            {
                if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, item) in pairs)
                    {
                        into[key] = item?.ToString();
                    }
                }
            }, scope);
            sink.Entries.Add((category, formatter(state, exception), scope));
        }
    }
}
