namespace WabaActors.Grains.Faults;

/// <summary>Where a storage fault was met: the <c>source</c> of its log lines and metric.</summary>
public static class FaultSource
{
    /// <summary>An HTTP call answered <c>503 storage_unavailable</c>.</summary>
    public const string Http = "http";

    /// <summary>A number grain's window, grant or inbound id that could not be written.</summary>
    public const string NumberWrite = "number_write";

    /// <summary>A template quota's grant that could not be written.</summary>
    public const string QuotaWrite = "quota_write";

    /// <summary>A group commit (a batch of many grains' changes) that failed.</summary>
    public const string GroupCommit = "group_commit";
}
