using Orleans.Concurrency;

namespace WabaActors.Grains.Notifications;

/// <summary>
/// Delivers one account's history to the notification endpoint, in order, at least once (key: the
/// WABA id, like the account). The account pokes it after each append without waiting.
/// </summary>
[Alias("waba.IAccountNotifierGrain")]
public interface IAccountNotifierGrain : IGrainWithStringKey
{
    /// <summary>The history of the account of <paramref name="tenant"/> has entries up to <paramref name="lastSequence"/>.</summary>
    [OneWay, Alias("Poke")]
    Task PokeAsync(string tenant, long lastSequence);

    /// <summary>
    /// The account is about to commit entries up to <paramref name="sequence"/>: returns once the
    /// notifier's durable reminder is armed, so those entries reach the endpoint even if the poke after
    /// the commit is lost with a crashed silo.
    /// </summary>
    [Alias("Expect")]
    Task ExpectAsync(string tenant, long sequence);

    /// <summary>The last sequence acknowledged by the endpoint (the durable cursor).</summary>
    [Alias("GetDelivered")]
    ValueTask<long> GetDeliveredAsync();
}
