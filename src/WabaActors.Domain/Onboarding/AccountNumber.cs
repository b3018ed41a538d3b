namespace WabaActors.Domain.Onboarding;

/// <summary>A number added to the account (step 4); it counts toward the limit from the moment it is added.</summary>
public sealed record AccountNumber(string Phone, DateTimeOffset AddedAt)
{
    public DateTimeOffset? RegisteredAt { get; init; }

    /// <summary>
    /// The highest of the number's own sequence numbers whose entry the account recorded: an entry at or
    /// below it is a redelivery (<see cref="Account.NumberReported"/>, ADR 0027).
    /// </summary>
    public long ReportedThrough { get; init; }
}
