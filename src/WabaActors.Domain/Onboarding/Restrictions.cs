namespace WabaActors.Domain.Onboarding;

/// <summary>Meta's account restrictions, each active until its expiration, with when it was imposed.</summary>
public sealed record Restrictions
{
    public static Restrictions None { get; } = new();

    public DateTimeOffset? BusinessInitiatedUntil { get; init; }
    public DateTimeOffset? CustomerInitiatedUntil { get; init; }
    public DateTimeOffset? AddPhoneNumberUntil { get; init; }

    /// <summary>When Meta last set <see cref="BusinessInitiatedUntil"/> (the hold's "since").</summary>
    public DateTimeOffset? BusinessInitiatedSince { get; init; }

    /// <summary>When Meta last set <see cref="CustomerInitiatedUntil"/>.</summary>
    public DateTimeOffset? CustomerInitiatedSince { get; init; }

    /// <summary>When Meta last set <see cref="AddPhoneNumberUntil"/>.</summary>
    public DateTimeOffset? AddPhoneNumberSince { get; init; }

    public static bool Active(DateTimeOffset? until, DateTimeOffset now) => until is { } u && now < u;
}
