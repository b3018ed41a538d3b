namespace WabaActors.Storage.Tests;

internal static class TestSettings
{
    /// <summary>The test cluster property naming the database its silos and client use.</summary>
    public const string DatabaseKey = "WabaStorageTests:Database";

    public const string StorageName = "waba";

    /// <summary>Overall limit for any cluster start, stop or awaited condition.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
}
