using WabaActors.Grains.Storage;

namespace WabaActors.Grains.Notifications;

/// <summary>Consecutive events of one account's history, oldest first, to be delivered in one request.</summary>
public sealed record NotificationBatch(string Tenant, string Waba, IReadOnlyList<StoredEvent> Events)
{
    /// <summary>The stable id of an event: the receiver's deduplication key.</summary>
    public static string EventId(string waba, long sequence) =>
        waba + ":" + sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
