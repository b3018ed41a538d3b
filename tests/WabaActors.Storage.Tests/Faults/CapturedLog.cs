using Microsoft.Extensions.Logging;

namespace WabaActors.Storage.Tests.Faults;

/// <summary>A logger keeping every entry (level, event id, message, exception) for a test to read.</summary>
public sealed class CapturedLog<T> : ILogger<T>
{
    private readonly List<(LogLevel Level, int EventId, string Message, Exception? Error)> _entries = [];

    public IReadOnlyList<(LogLevel Level, int EventId, string Message, Exception? Error)> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_entries)
        {
            _entries.Add((logLevel, eventId.Id, formatter(state, exception), exception));
        }
    }
}
