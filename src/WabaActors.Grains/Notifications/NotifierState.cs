namespace WabaActors.Grains.Notifications;

/// <summary>A notifier's durable cursor: events up to <see cref="Delivered"/> were acknowledged with a 2xx.</summary>
[GenerateSerializer, Alias("waba.NotifierState")]
public sealed class NotifierState
{
    [Id(0)] public string? Tenant { get; set; }
    [Id(1)] public long Delivered { get; set; }
}
