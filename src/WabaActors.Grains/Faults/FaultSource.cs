namespace WabaActors.Grains.Faults;

/// <summary>Where a storage fault was met: the <c>source</c> of its log lines and metric.</summary>
public static class FaultSource
{
    /// <summary>An HTTP call answered <c>503 storage_unavailable</c>.</summary>
    public const string Http = "http";

    /// <summary>A number grain's window, grant or inbound id that could not be written.</summary>
    public const string NumberWrite = "number_write";

    /// <summary>A number grain's count of free service messages that could not be written (written again at the next flush).</summary>
    public const string AllowanceFlush = "allowance_flush";

    /// <summary>A template quota's grant that could not be written.</summary>
    public const string QuotaWrite = "quota_write";

    /// <summary>Orleans' own error logs of it (a grain activation that could not load its state, a grain storage write, reminders).</summary>
    public const string Orleans = "orleans";

    /// <summary>A group commit (a batch of many grains' changes) that failed.</summary>
    public const string GroupCommit = "group_commit";
}
