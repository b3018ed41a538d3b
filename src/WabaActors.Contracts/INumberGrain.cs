using Orleans.Concurrency;
using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Messaging;
using WabaActors.Contracts.Numbers;

namespace WabaActors.Contracts;

/// <summary>
/// One phone number, keyed by its E.164 digits, so that it belongs to one account across all
/// tenants. Owns verification, the display name, billing start and the customer-service windows;
/// answers session permits alone and asks the template quota only for template slots.
/// </summary>
[Alias("waba.INumberGrain")]
public interface INumberGrain : IGrainWithStringKey
{
    /// <summary>An account claims the number and sends the first code; another account's claim is refused.</summary>
    [Alias("Claim")]
    ValueTask<Reply<NumberClaimed>> ClaimAsync(NumberClaim claim);

    /// <summary>Reads the view; interleaves so an account can read its numbers while they call it.</summary>
    [Alias("Get"), AlwaysInterleave]
    ValueTask<Reply<NumberView>> GetAsync(Scope owner);

    [Alias("ResendCode")]
    ValueTask<Reply<NumberView>> ResendCodeAsync(Scope owner);

    [Alias("Verify")]
    ValueTask<Reply<NumberView>> VerifyAsync(Scope owner, string? code);

    [Alias("SetDisplayName")]
    ValueTask<Reply<NumberView>> SetDisplayNameAsync(Scope owner, string? name);

    [Alias("DecideDisplayName")]
    ValueTask<Reply<NumberView>> DecideDisplayNameAsync(Scope owner, ReviewDecisionRequest request);

    /// <summary>
    /// Meta's display-name decision (webhook): adopts the name Meta decided on when none was submitted
    /// here, ignores (but records) a decision for another name, and answers what it did.
    /// </summary>
    [Alias("ApplyMetaDisplayName")]
    ValueTask<Reply<Webhooks.WebhookResult>> ApplyMetaDisplayNameAsync(Scope owner, DisplayNameDecision decision);

    /// <summary>
    /// A customer's message: opens or extends the window; durable before it answers. The hot calls
    /// interleave with each other and with the cold ones (decisions are made between awaits, answers
    /// wait for durability), so a number keeps many writes in one group commit.
    /// </summary>
    [Alias("RecordInbound"), AlwaysInterleave]
    ValueTask<Reply<WindowView>> RecordInboundAsync(Scope owner, InboundMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// May this message go out now? Idempotent per message id. A <paramref name="cancellationToken"/>
    /// cancelled before the number runs the call decides nothing; once decided, a grant stands and a
    /// retry with the same message id is answered the same.
    /// </summary>
    [Alias("RequestPermit"), AlwaysInterleave]
    ValueTask<Reply<PermitDecision>> RequestPermitAsync(Scope owner, PermitRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Several permits of this number in one call, decided in order exactly as if asked one by one (a
    /// message id repeated in the batch replays its first grant), answered once every grant is durable:
    /// one answer per request, in order, where a refused request refuses only itself. An empty batch,
    /// or one larger than <c>WabaActors:Grains:PermitBatchLimit</c>, is refused whole.
    /// </summary>
    [Alias("RequestPermits"), AlwaysInterleave]
    ValueTask<Reply<PermitBatch>> RequestPermitsAsync(Scope owner, [Immutable] IReadOnlyList<PermitRequest> requests, CancellationToken cancellationToken = default);

    /// <summary>
    /// Meta answered a send to <paramref name="customer"/> with 131047 (outside the window): the window
    /// is closed as of <paramref name="at"/>. A close older than the customer's latest message changes
    /// nothing, so a late or redelivered close never shuts a window a newer message opened. Durable
    /// before it answers the window as it then stands.
    /// </summary>
    [Alias("CloseWindow"), AlwaysInterleave]
    ValueTask<Reply<WindowView>> CloseWindowAsync(Scope owner, string customer, DateTimeOffset at);

    /// <summary>
    /// Two ids of one person, seen on this number (a status naming both, Meta's change message): taught to
    /// the scope's directory, durable before it answers. True when the link was new or refreshed.
    /// </summary>
    [Alias("Link"), AlwaysInterleave]
    ValueTask<Reply<bool>> LinkAsync(Scope owner, CustomerLinkRequest link, CancellationToken cancellationToken = default);

    /// <summary>
    /// Meta's verdict on an earlier send (a status, or an error answered synchronously), applied once per
    /// (message id, status): 131047 closes the window, 131049 holds marketing templates to the customer for
    /// 24 h, 131050 stops them until a resume. Durable before it answers.
    /// </summary>
    [Alias("RecordOutcome"), AlwaysInterleave]
    ValueTask<Reply<OutcomeResult>> RecordOutcomeAsync(Scope owner, SendOutcome outcome, CancellationToken cancellationToken = default);

    /// <summary>Meta's <c>user_preferences</c>: a stop or resume of marketing messages; the latest by its instant wins. Durable before it answers.</summary>
    [Alias("SetMarketingPreference"), AlwaysInterleave]
    ValueTask<Reply<OutcomeResult>> SetMarketingPreferenceAsync(Scope owner, MarketingPreference preference, CancellationToken cancellationToken = default);

    /// <summary>A 131049 another number of the account learned (handed on by the account): kept like one of this number's own, durable before it answers.</summary>
    [Alias("LearnVerdict"), AlwaysInterleave]
    ValueTask LearnVerdictAsync(Scope owner, SharedVerdict verdict);

    /// <summary>For the operator page: billable decisions of the last 24 h by category, and the per-customer verdicts in force.</summary>
    [Alias("GetActivity"), AlwaysInterleave]
    ValueTask<Reply<NumberActivity>> GetActivityAsync(Scope owner);

    [Alias("GetWindow"), AlwaysInterleave]
    ValueTask<Reply<WindowView>> GetWindowAsync(Scope owner, string customer, CancellationToken cancellationToken = default);

    /// <summary>The account's gate changed (status, review, restrictions, limit).</summary>
    [Alias("UpdateGate"), AlwaysInterleave]
    ValueTask UpdateGateAsync(AccountGate gate);

    /// <summary>The pending code, for the simulated gateway's admin endpoint only.</summary>
    [Alias("GetSimulatedCode"), AlwaysInterleave]
    ValueTask<string?> GetSimulatedCodeAsync();
}
