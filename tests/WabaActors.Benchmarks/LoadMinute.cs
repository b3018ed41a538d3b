namespace WabaActors.Benchmarks;

/// <summary>
/// One minute of the open-loop load (<see cref="OpenLoad"/>): the requests scheduled in it, their
/// latencies from the scheduled instant (µs), failures, and the host's memory at the minute's end.
/// Completions arrive from many threads; everything is taken under the instance's lock.
/// </summary>
public sealed class LoadMinute(int minute)
{
    private readonly Lock _gate = new();
    private readonly List<int> _micros = [];
    private readonly long[] _granted = new long[4];
    private long _outstanding;

    public int Minute { get; } = minute;

    public long Scheduled { get; private set; }

    public long Done { get; private set; }

    /// <summary>Transport failures, timeouts, answers other than 2xx and requests not sent because too many were in flight.</summary>
    public long Errors { get; private set; }

    /// <summary>2xx answers that were not what the mix expects (a permit not allowed, a window not open).</summary>
    public long NotGranted { get; private set; }

    public double P50 { get; private set; }

    public double P99 { get; private set; }

    public double Max { get; private set; }

    /// <summary>The host's GC heap after its last collection (all generations), bytes; null when not scraped.</summary>
    public double? HeapBytes { get; set; }

    /// <summary>The GC's committed memory after its last collection, bytes.</summary>
    public double? CommittedBytes { get; set; }

    /// <summary>The host's resident set (VmRSS), bytes.</summary>
    public double? RssBytes { get; set; }

    /// <summary>Gen-2 collections of the host so far.</summary>
    public double? Gen2 { get; set; }

    public bool Settled => Interlocked.Read(ref _outstanding) == 0;

    /// <summary>
    /// Completes when every request started in this minute is answered. Asked after the minute's end, when no
    /// request of it starts any more.
    /// </summary>
    public Task WhenSettled()
    {
        lock (_gate)
        {
            if (Settled)
            {
                return Task.CompletedTask;
            }

            _settled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _settled.Task;
        }
    }

    private TaskCompletionSource? _settled;

    /// <summary>Successful answers of a kind (what the host keeps because of them).</summary>
    public long Granted(LoadKind kind)
    {
        lock (_gate)
        {
            return _granted[(int)kind];
        }
    }

    public void Start()
    {
        lock (_gate)
        {
            Scheduled++;
        }

        Interlocked.Increment(ref _outstanding);
    }

    public void Finish(LoadKind kind, long micros, bool failed, bool granted)
    {
        lock (_gate)
        {
            Done++;
            _micros.Add((int)Math.Min(micros, int.MaxValue));
            if (failed)
            {
                Errors++;
            }
            else if (granted)
            {
                _granted[(int)kind]++;
            }
            else
            {
                NotGranted++;
            }
        }

        if (Interlocked.Decrement(ref _outstanding) == 0)
        {
            lock (_gate)
            {
                _settled?.TrySetResult();
            }
        }
    }

    /// <summary>A request never sent (too many in flight): an error with no latency.</summary>
    public void Skip()
    {
        lock (_gate)
        {
            Scheduled++;
            Errors++;
        }
    }

    /// <summary>Computes the percentiles once every request of the minute has an answer (or gave up).</summary>
    public void Close()
    {
        lock (_gate)
        {
            if (_micros.Count == 0)
            {
                return;
            }

            _micros.Sort();
            P50 = At(0.50);
            P99 = At(0.99);
            Max = _micros[^1] / 1000.0;
            _micros.Clear();
            _micros.TrimExcess();
        }
    }

    private double At(double q) => _micros[Math.Min(_micros.Count - 1, (int)Math.Ceiling(q * _micros.Count) - 1)] / 1000.0;
}
