namespace WabaActors.Grains.Tests.Support;

/// <summary>
/// Faults a test arms on the silo's grain storage (<see cref="FaultyGrainStorage"/>): the next write
/// matching a predicate fails once, as a lost write (a crash or a storage outage at that instant)
/// would. Nothing is armed by default, so every other test sees plain memory storage.
/// </summary>
public sealed class StorageFaults
{
    private readonly Lock _gate = new();
    private readonly List<Armed> _armed = [];

    /// <summary>Fails the next write whose grain and state match <paramref name="write"/>; disposing disarms it if it never fired.</summary>
    public IDisposable FailOnce(Func<GrainId, object?, bool> write)
    {
        var armed = new Armed(this, write);
        lock (_gate)
        {
            _armed.Add(armed);
        }

        return armed;
    }

    /// <summary>Completes after the next successful write whose grain and state match <paramref name="write"/>.</summary>
    public Task WrittenAsync(Func<GrainId, object?, bool> write)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _armed.Add(new Armed(this, write) { Written = done });
        }

        return done.Task;
    }

    /// <summary>Called before a write: true when an armed fault takes it (and is spent).</summary>
    internal bool ShouldFail(GrainId grain, object? state)
    {
        lock (_gate)
        {
            var fault = _armed.Find(a => a.Written is null && a.Matches(grain, state));
            return fault is not null && _armed.Remove(fault);
        }
    }

    /// <summary>Called after a write succeeded: completes the waits it matches.</summary>
    internal void Wrote(GrainId grain, object? state)
    {
        List<Armed> done;
        lock (_gate)
        {
            done = _armed.FindAll(a => a.Written is not null && a.Matches(grain, state));
            _armed.RemoveAll(done.Contains);
        }

        done.ForEach(a => a.Written!.TrySetResult());
    }

    private sealed class Armed(StorageFaults owner, Func<GrainId, object?, bool> write) : IDisposable
    {
        public TaskCompletionSource? Written { get; init; }

        public bool Matches(GrainId grain, object? state) => write(grain, state);

        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._armed.Remove(this);
            }
        }
    }
}
