namespace WabaActors.Domain.Messaging;

/// <summary>A customer-service window as the caller sees it: open until <see cref="ExpiresAt"/>, or closed.</summary>
public readonly record struct WindowState(bool Open, DateTimeOffset? ExpiresAt)
{
    public static WindowState Closed { get; } = new(false, null);
}
