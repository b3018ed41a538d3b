namespace WabaActors.Domain.Events;

/// <summary>
/// One entry of an account's history: what changed (<see cref="Type"/>, one of
/// <see cref="AccountEventTypes"/>), when, and its few facts. Numbers' changes are in the
/// history of the account that owns them (<see cref="Phone"/> set).
/// </summary>
public sealed record AccountEvent(string Type, DateTimeOffset At)
{
    /// <summary>The number concerned, if any (E.164 digits).</summary>
    public string? Phone { get; init; }

    /// <summary>The new value: a decision, a status, a limit.</summary>
    public string? Value { get; init; }

    /// <summary>A reason given with a decision.</summary>
    public string? Reason { get; init; }
}
