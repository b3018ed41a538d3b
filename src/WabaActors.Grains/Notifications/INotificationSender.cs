namespace WabaActors.Grains.Notifications;

/// <summary>Delivers one batch to the configured endpoint (the host's is HTTP, signed); never throws for a remote failure.</summary>
public interface INotificationSender
{
    Task<DeliveryOutcome> SendAsync(NotificationBatch batch, CancellationToken ct);
}
