using WabaActors.Domain.Events;

namespace WabaActors.Domain.Onboarding;

/// <summary>
/// A 360dialog partner webhook about an account (ADR 0011): its <see cref="Type"/> (one of
/// <see cref="Types"/>), the number it names, a short label (the channel's status, the violation
/// type), when billing started at 360dialog, and Meta's restrictions or ban state it carries, if any.
/// </summary>
public sealed record PartnerNotice(string Type, string? Phone, string? Label, DateTimeOffset? BillingStartedAt)
{
    public const string ChannelCreated = AccountEventTypes.ChannelCreated;
    public const string ChannelReady = AccountEventTypes.ChannelReady;
    public const string ChannelRunning = AccountEventTypes.ChannelRunning;
    public const string AccountViolation = AccountEventTypes.AccountViolation;
    public const string AccountRestriction = AccountEventTypes.AccountRestriction;

    /// <summary>The longest label kept; a longer one, or one with other characters, is dropped.</summary>
    public const int MaxLabel = 64;

    public static IReadOnlyList<string> Types { get; } = [ChannelCreated, ChannelReady, ChannelRunning, AccountViolation, AccountRestriction];

    public IReadOnlyList<MetaRestriction> Restrictions { get; init; } = [];

    /// <summary><c>SCHEDULE_FOR_DISABLE</c>, <c>DISABLE</c> or <c>REINSTATE</c> when the notice carries a ban state.</summary>
    public string? BanState { get; init; }

    public static bool IsKnown(string? type) => type is not null && Types.Contains(type);

    /// <summary>A remote party's label as the history keeps it: 1–64 of <c>[A-Za-z0-9_.:-]</c> after trimming; null otherwise.</summary>
    public static string? CleanLabel(string? text)
    {
        var value = text?.Trim();
        return !string.IsNullOrEmpty(value) && value.Length <= MaxLabel && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ':' or '-')
            ? value
            : null;
    }
}
