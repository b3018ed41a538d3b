using System.Collections.Concurrent;

namespace WabaActors.Host.Hosting;

/// <summary>
/// A clock that runs with real time from the host's start and can be moved forward
/// (<c>POST /v1/admin/clock/advance</c>). Timers made from it wait in simulated time: moving the
/// clock re-arms them, so a reminder due inside the jump fires at once.
/// </summary>
public sealed class SimulatedClock : TimeProvider
{
    private readonly ConcurrentDictionary<SimulatedTimer, byte> _timers = new();
    private readonly Lock _lock = new();
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return System.GetUtcNow() + _offset;
        }
    }

    /// <summary>Moves the clock forward by <paramref name="by"/> (≥ 0) and fires every timer now due.</summary>
    public DateTimeOffset Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_lock)
        {
            _offset += by;
        }

        foreach (var timer in _timers.Keys)
        {
            timer.Rearm();
        }

        return GetUtcNow();
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SimulatedTimer(this, callback, state);
        _timers[timer] = 0;
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class SimulatedTimer : ITimer
    {
        private readonly SimulatedClock _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private readonly ITimer _real;
        private readonly Lock _lock = new();
        private DateTimeOffset? _dueAt;
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public SimulatedTimer(SimulatedClock clock, TimerCallback callback, object? state)
        {
            (_clock, _callback, _state) = (clock, callback, state);
            _real = System.CreateTimer(static s => ((SimulatedTimer)s!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_lock)
            {
                _dueAt = dueTime == Timeout.InfiniteTimeSpan ? null : _clock.GetUtcNow() + dueTime;
                _period = period;
                RearmLocked();
            }

            return true;
        }

        /// <summary>Sets the real timer to the time left until the simulated due instant.</summary>
        public void Rearm()
        {
            lock (_lock)
            {
                RearmLocked();
            }
        }

        public void Dispose()
        {
            _clock._timers.TryRemove(this, out _);
            _real.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void RearmLocked()
        {
            if (_dueAt is { } due)
            {
                var left = due - _clock.GetUtcNow();
                _real.Change(left > TimeSpan.Zero ? left : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
            }
            else
            {
                _real.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
        }

        private void Fire()
        {
            lock (_lock)
            {
                var now = _clock.GetUtcNow();
                if (_dueAt is not { } due || due > now)
                {
                    RearmLocked();
                    return;
                }

                // A periodic timer skips the ticks a jump of the clock passed over, like a real one.
                _dueAt = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null
                    : due + _period > now ? due + _period : now + _period;
            }

            _callback(_state);
            Rearm();
        }
    }
}
