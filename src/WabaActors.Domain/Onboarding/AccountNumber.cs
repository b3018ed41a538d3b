namespace WabaActors.Domain.Onboarding;

/// <summary>A number added to the account (step 4); it counts toward the limit from the moment it is added.</summary>
public sealed record AccountNumber(string Phone, DateTimeOffset AddedAt)
{
    public DateTimeOffset? RegisteredAt { get; init; }
}
