namespace WabaActors.Domain.Numbers;

/// <summary>
/// The verification code last sent to a number and the wrong tries spent on it. <see cref="Code"/> is
/// the code itself when the gateway told us (the simulator); null when the provider keeps it (360dialog).
/// </summary>
public sealed record PendingCode(string? Code, DateTimeOffset SentAt, DateTimeOffset ExpiresAt)
{
    public int FailedAttempts { get; init; }

    /// <summary>The provider accepted the code but the number is not registered yet (registration failed on the way).</summary>
    public bool Accepted { get; init; }
}
