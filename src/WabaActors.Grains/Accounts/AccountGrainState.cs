using WabaActors.Domain.Onboarding;
using WabaActors.Grains.Storage;

namespace WabaActors.Grains.Accounts;

/// <summary>
/// The account's small state, written whole with an ETag check. <see cref="Unpublished"/> holds the
/// history entries of the last change: they are written with the state (so a change and its
/// entries are one commit) and then appended to the history; an activation re-appends them, which
/// is a no-op for those already there.
/// </summary>
[GenerateSerializer, Alias("waba.AccountGrainState")]
public sealed class AccountGrainState
{
    [Id(0)] public Account? Account { get; set; }
    [Id(1)] public long LastSequence { get; set; }
    [Id(2)] public List<StoredEvent> Unpublished { get; set; } = [];

    /// <summary>Webhook changes applied within the retention, so that a redelivery changes nothing (ADR 0005).</summary>
    [Id(3)] public List<SeenWebhook> SeenWebhooks { get; set; } = [];

    /// <summary>Business Manager ids this account named before and has not yet left as a member (ADR 0018).</summary>
    [Id(4)] public List<string> PortfoliosToLeave { get; set; } = [];
}
