using WabaActors.Contracts.Common;
using WabaActors.Grains.Faults;

namespace WabaActors.Host.Hosting;

/// <summary>
/// Orleans' own logger for one category, with its storage faults counted instead of written: while the
/// database is down every grain activation that cannot load its state is logged by Orleans at Error,
/// five entries with stacks each; those entries (a warning or worse whose exception is a
/// <see cref="StorageFault"/>) go to <see cref="FaultLog"/> as source <c>orleans</c>, everything else is written as before.
/// </summary>
internal sealed class StorageFaultLogger(ILogger inner, Func<FaultLog> faults) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (exception is not null && logLevel >= LogLevel.Warning && faults().TryRecord(exception, FaultSource.Orleans))
        {
            return;
        }

        inner.Log(logLevel, eventId, state, exception, formatter);
    }
}
