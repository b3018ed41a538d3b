namespace WabaActors.Contracts.Messaging;

/// <summary>
/// A template-quota activation found that a newer activation owns its quota (after a silo failure
/// two can exist briefly) and granted nothing. The caller may retry: the retry reaches the owner.
/// </summary>
[GenerateSerializer, Alias("waba.QuotaFencedException")]
public sealed class QuotaFencedException : Exception
{
    public QuotaFencedException()
    {
    }

    public QuotaFencedException(string quotaKey)
        : base($"The template quota {quotaKey} moved to a newer activation; retry.")
    {
    }

    public QuotaFencedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
