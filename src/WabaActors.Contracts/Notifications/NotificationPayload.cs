namespace WabaActors.Contracts.Notifications;

/// <summary>
/// The JSON body of one notification (camelCase): consecutive events of one account, oldest first.
/// Delivery is at least once: deduplicate on <see cref="NotificationEvent.Id"/>.
/// </summary>
public sealed record NotificationPayload(string Tenant, string Waba, IReadOnlyList<NotificationEvent> Events);

/// <summary>
/// One history entry as <c>GET …/events</c> shows it, with its stable <see cref="Id"/>
/// (<c>{waba}:{sequence}</c>) and its <see cref="Sequence"/> (1, 2, … per account, no gaps).
/// </summary>
public sealed record NotificationEvent(string Id, long Sequence, string Type, DateTimeOffset At)
{
    public string? Phone { get; init; }
    public string? Value { get; init; }
    public string? Reason { get; init; }
}
