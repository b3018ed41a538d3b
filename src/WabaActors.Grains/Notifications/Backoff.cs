namespace WabaActors.Grains.Notifications;

/// <summary>The wait before the next attempt: exponential with jitter, at least what the receiver asked for.</summary>
public static class Backoff
{
    /// <summary>
    /// After the <paramref name="failures"/>-th failure in a row (1, 2, …): the base
    /// <c>min(BackoffMax, BackoffInitial × BackoffMultiplier^(failures−1))</c>, scaled by
    /// <c>0.5 + 0.5 × jitter</c> (jitter in [0, 1), so between half and all of the base: accounts
    /// that failed together spread out); never shorter than <paramref name="retryAfter"/>, which is
    /// cut to <c>RetryAfterMax</c>.
    /// </summary>
    public static TimeSpan Next(NotificationOptions options, int failures, TimeSpan? retryAfter, double jitter)
    {
        var exponent = Math.Min(Math.Max(failures - 1, 0), 64);
        var ticks = Math.Min(options.BackoffInitial.Ticks * Math.Pow(options.BackoffMultiplier, exponent), options.BackoffMax.Ticks);
        var wait = TimeSpan.FromTicks((long)(ticks * (0.5 + (0.5 * Math.Clamp(jitter, 0, 1)))));
        if (retryAfter is { } asked && asked > TimeSpan.Zero)
        {
            var honoured = asked < options.RetryAfterMax ? asked : options.RetryAfterMax;
            return honoured > wait ? honoured : wait;
        }

        return wait;
    }
}
