namespace WabaActors.Domain.Numbers;

/// <summary>The verification code last sent to a number and the wrong tries spent on it.</summary>
public sealed record PendingCode(string Code, DateTimeOffset SentAt, DateTimeOffset ExpiresAt)
{
    public int FailedAttempts { get; init; }
}
