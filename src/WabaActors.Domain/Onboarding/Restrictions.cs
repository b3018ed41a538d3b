namespace WabaActors.Domain.Onboarding;

/// <summary>Meta's account restrictions, each active until its expiration.</summary>
public sealed record Restrictions
{
    public static Restrictions None { get; } = new();

    public DateTimeOffset? BusinessInitiatedUntil { get; init; }
    public DateTimeOffset? CustomerInitiatedUntil { get; init; }
    public DateTimeOffset? AddPhoneNumberUntil { get; init; }

    public static bool Active(DateTimeOffset? until, DateTimeOffset now) => until is { } u && now < u;
}
