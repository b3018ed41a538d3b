using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace WabaActors.Host.Reload;

/// <summary>
/// Options that follow the configuration while the host runs (keys and secrets, ADR 0026). Each
/// change of the configuration binds and validates the section afresh; a valid result replaces
/// <see cref="Current"/> in one reference swap, an invalid one (or one the <c>guard</c> refuses) is
/// logged at Error, by option name and never by value, and the last good options stay.
/// </summary>
/// <remarks>
/// Not <see cref="IOptionsMonitor{TOptions}"/>: after a reload its validators reject, the monitor
/// throws on every read until the configuration is fixed, and its change callback never runs; the
/// options factory is asked directly instead, which binds and validates without a cache.
/// </remarks>
public sealed class LastGoodOptions<TOptions> : IDisposable
    where TOptions : class
{
    private readonly IOptionsFactory<TOptions>? _factory;
    private readonly ILogger? _logger;
    private readonly string _section;
    private readonly Func<TOptions, string>? _describe;
    private readonly Func<TOptions, TOptions, string?>? _guard;
    private readonly IDisposable[] _registrations;
    private readonly Lock _reloading = new();
    private volatile TOptions _current;

    /// <param name="describe">What the options hold, for the reload's log line: counts and option names, never a value.</param>
    /// <param name="guard">Given the last good and the new valid options, a reason to refuse the new ones (named by option), or null.</param>
    public LastGoodOptions(
        IOptionsFactory<TOptions> factory, IEnumerable<IOptionsChangeTokenSource<TOptions>> sources, ILogger<LastGoodOptions<TOptions>> logger,
        string section, Func<TOptions, string> describe, Func<TOptions, TOptions, string?>? guard = null)
    {
        _describe = describe;
        _factory = factory;
        _logger = logger;
        _section = section;
        _guard = guard;
        _current = factory.Create(Options.DefaultName);
        _registrations = [.. sources.Where(s => (s.Name ?? Options.DefaultName) == Options.DefaultName)
            .Select(s => ChangeToken.OnChange(s.GetChangeToken, Reload))];
    }

    private LastGoodOptions(TOptions value)
    {
        _current = value;
        _section = typeof(TOptions).Name;
        _registrations = [];
    }

    /// <summary>The options of the last configuration that passed validation.</summary>
    public TOptions Current => _current;

    /// <summary>Options that never change (tests of the consumers).</summary>
    public static LastGoodOptions<TOptions> Fixed(TOptions value) => new(value);

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    private void Reload()
    {
        // One reload at a time: two quick changes must not leave the older result in place.
        lock (_reloading)
        {
            TOptions next;
            try
            {
                next = _factory!.Create(Options.DefaultName);
            }
            catch (OptionsValidationException e)
            {
                ReloadLog.Rejected(_logger!, _section, string.Join(" ", e.Failures));
                return;
            }
            catch (InvalidOperationException e)
            {
                // The binder could not convert a value (a TimeSpan written "soon"). Thrown here, it would
                // escape the configuration's change callback; its message may quote the value, so only the
                // key it names is logged.
                ReloadLog.Rejected(_logger!, _section, $"{UnreadableKey(e.Message)}: the value cannot be read as its option's type.");
                return;
            }

            if (_guard?.Invoke(_current, next) is { } refused)
            {
                ReloadLog.Rejected(_logger!, _section, refused);
                return;
            }

            _current = next;
            ReloadLog.Reloaded(_logger!, _section, _describe!(next));
        }
    }

    /// <summary>The key the binder's message names ("… at 'A:B' to type …"), or the section when it names none.</summary>
    private string UnreadableKey(string message)
    {
        const string At = " at '";
        var start = message.IndexOf(At, StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('\'', start + At.Length);
        return end < 0 ? _section : message[(start + At.Length)..end];
    }
}
