using WabaActors.Contracts.Accounts;
using WabaActors.Domain.Numbers;
using WabaActors.Grains.Accounts;

namespace WabaActors.Grains.Numbers;

/// <summary>
/// The number's small state, written whole with an ETag check. <see cref="Outbox"/> holds history
/// entries not yet acknowledged by the account; they go out after each write, at activation and
/// on the outbox reminder, so a registration (and its billing start) is never lost on the way; each is
/// numbered, so a redelivery is recorded once.
/// </summary>
[GenerateSerializer, Alias("waba.NumberGrainState")]
public sealed class NumberGrainState
{
    [Id(0)] public NumberRegistration? Number { get; set; }
    [Id(1)] public List<HistoryEntry> Outbox { get; set; } = [];

    /// <summary>The registration is in the outbox and the account has not yet heard of it.</summary>
    [Id(2)] public bool RegistrationUnannounced { get; set; }

    /// <summary>The last sequence number given to an outbox entry (<see cref="HistoryEntry.Sequence"/>): the account records each once (ADR 0027).</summary>
    [Id(3)] public long OutboxSequence { get; set; }

    /// <summary>Meta's display-name decisions this number applied within the retention, stored with the decision in one write (ADR 0027).</summary>
    [Id(4)] public List<SeenWebhook> SeenDisplayNames { get; set; } = [];
}
