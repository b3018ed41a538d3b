namespace WabaActors.Grains.Storage;

/// <summary>The grain storage provider names the grains use; the host binds them (memory or PostgreSQL).</summary>
public static class StorageNames
{
    public const string Grains = "waba";
}
