namespace WabaActors.Domain.Verdicts;

/// <summary>A status Meta reports of a send (<c>statuses[].status</c>, or an error the Cloud API answered synchronously: failed).</summary>
public enum SendStatus : byte
{
    Sent = 1,
    Delivered = 2,
    Read = 3,
    Failed = 4,
}

/// <summary>Meta's send-time error codes the gate learns from (docs/errors.md, "Meta's send-time errors").</summary>
public static class MetaErrorCodes
{
    /// <summary>Outside the customer-service window.</summary>
    public const int WindowClosed = 131047;

    /// <summary>Not delivered to keep the ecosystem healthy: the per-user marketing limit.</summary>
    public const int MarketingLimit = 131049;

    /// <summary>The user stopped marketing messages.</summary>
    public const int MarketingStopped = 131050;
}
