using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace WabaActors.Gateway.Tests.Support;

/// <summary>Every formatted log line (with its exception), to check what is and is not logged.</summary>
public sealed class LogLines : ILoggerProvider
{
    private ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> All => [.. _lines];

    public void Share(LogLines other) => _lines = other._lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogLines sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink._lines.Enqueue($"{logLevel} {category}[{eventId.Id}] {formatter(state, exception)} {exception}");
    }
}
