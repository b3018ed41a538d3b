namespace WabaActors.Durability.Tests.Support;

internal static class Settings
{
    /// <summary>The test cluster property naming the database its silos and client use.</summary>
    public const string DatabaseKey = "WabaDurabilityTests:Database";

    /// <summary>"true": the silos lose every poke an account sends its notifier (<see cref="LostPokes"/>).</summary>
    public const string LosePokesKey = "WabaDurabilityTests:LosePokes";

    /// <summary>Overall limit for any cluster start or stop, host start, or awaited condition.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Limit for one grain or HTTP call (the clusters' response timeout too): a call that takes longer is
    /// not acknowledged. A call already sent to a silo that dies is only failed by this timeout, so it
    /// bounds how long the kill test waits; healthy calls take milliseconds.
    /// </summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Which probe failures an awaited condition rides out (<see cref="Eventually.ReachedAsync{T}"/>): all
    /// but a host that has exited (silos die and restart under these tests; a dead host never recovers).
    /// </summary>
    public static bool ProbeMayFail(Exception e) => e is not HostFailedException;
}
