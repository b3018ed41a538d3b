namespace WabaActors.Durability.Tests.Support;

internal static class Settings
{
    /// <summary>The test cluster property naming the database its silos and client use.</summary>
    public const string DatabaseKey = "WabaDurabilityTests:Database";

    /// <summary>Overall limit for any cluster start or stop, host start, or awaited condition.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Limit for one grain or HTTP call under load: a call that takes longer is not acknowledged.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(20);
}
