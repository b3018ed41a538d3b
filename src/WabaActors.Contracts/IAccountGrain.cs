using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Numbers;
using WabaActors.Contracts.Templates;
using WabaActors.Contracts.Webhooks;

namespace WabaActors.Contracts;

/// <summary>
/// One WhatsApp Business Account, keyed by its WABA id (a WABA id belongs to one tenant). Owns
/// onboarding, its numbers list, the commerce-policy review, business verification and the history.
/// Every call names the tenant; another tenant's call is answered as if the account did not exist.
/// </summary>
[Alias("waba.IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>Creates the account for <paramref name="tenant"/>, or returns it if it exists (renamed when <paramref name="name"/> is a new name: <c>account_renamed</c>).</summary>
    [Alias("Create")]
    ValueTask<Reply<AccountView>> CreateAsync(string tenant, string? name);

    [Alias("Get")]
    ValueTask<Reply<AccountView>> GetAsync(string tenant);

    [Alias("SubmitEmail")]
    ValueTask<Reply<AccountView>> SubmitEmailAsync(string tenant, string? email);

    [Alias("ConfirmEmail")]
    ValueTask<Reply<AccountView>> ConfirmEmailAsync(string tenant);

    [Alias("SubmitBusinessManager")]
    ValueTask<Reply<AccountView>> SubmitBusinessManagerAsync(string tenant, BusinessManagerRequest request);

    [Alias("SubmitCompanyProfile")]
    ValueTask<Reply<AccountView>> SubmitCompanyProfileAsync(string tenant, CompanyProfileRequest request);

    /// <summary>Step 4: adds a number and sends its first verification code.</summary>
    [Alias("AddNumber")]
    ValueTask<Reply<NumberView>> AddNumberAsync(string tenant, AddNumberRequest request);

    [Alias("DecideCommerceReview")]
    ValueTask<Reply<AccountView>> DecideCommerceReviewAsync(string tenant, ReviewDecisionRequest request);

    [Alias("SetBusinessVerification")]
    ValueTask<Reply<AccountView>> SetBusinessVerificationAsync(string tenant, string? status);

    /// <summary>History after the cursor <paramref name="after"/> (0 = from the start), oldest first.</summary>
    [Alias("GetEvents")]
    ValueTask<Reply<EventPage>> GetEventsAsync(string tenant, long after, int limit);

    /// <summary>The template recipients counted in the rolling period by this account's quota (its own, or its portfolio's).</summary>
    [Alias("GetTemplateRecipients")]
    ValueTask<Reply<TemplateRecipientsView>> GetTemplateRecipientsAsync(string tenant);

    /// <summary>
    /// Sets one template of the account's registry (HTTP): its category and status exactly as given; history
    /// <c>template_changed</c> when it changed. Numbers decide permits naming it on the new status at once.
    /// </summary>
    [Alias("PutTemplate")]
    ValueTask<Reply<TemplateView>> PutTemplateAsync(string tenant, TemplateUpdate update);

    /// <summary>
    /// From a number of this account: a 131049 it learned, handed to every other number of the account (Meta's
    /// per-user marketing limit holds on the account). Best effort: a number that cannot be told is logged.
    /// </summary>
    [Alias("ShareVerdict")]
    ValueTask ShareVerdictAsync(string phone, Messaging.SharedVerdict verdict);

    /// <summary>The account's template registry.</summary>
    [Alias("GetTemplates")]
    ValueTask<Reply<TemplateList>> GetTemplatesAsync(string tenant);

    /// <summary>From a number of this account: its history entries, and whether it just registered. Answers the current gate.</summary>
    [Alias("NumberChanged")]
    ValueTask<AccountGate> NumberChangedAsync(string phone, IReadOnlyList<HistoryEntry> events, bool registered);

    /// <summary>The gate a number of this account decides sends with.</summary>
    [Alias("GetGate")]
    ValueTask<AccountGate> GetGateAsync();

    /// <summary>
    /// Applies one change Meta sent by webhook. Meta names only the WABA id, so no tenant is asked:
    /// the account knows its own. A change that moves the state is applied, in arrival order; one seen
    /// before (same digest, within the retention) that would change nothing more is a
    /// <see cref="WebhookResult.Duplicate"/> (ADR 0005); an account never created answers
    /// <see cref="WebhookResult.UnknownAccount"/> and stores nothing. A value the rules cannot take
    /// (an unknown ban state, a number not on the account) is a failure and changes nothing.
    /// </summary>
    [Alias("ApplyWebhook")]
    ValueTask<Reply<WebhookResult>> ApplyWebhookAsync(AccountWebhook change);

    /// <summary>
    /// The tenant that owns this WABA id; null when no account was created. For webhooks, which name
    /// only the WABA id. Interleaves: the owner never changes once set, and inbound traffic should not
    /// queue behind a slow account call.
    /// </summary>
    [Alias("GetOwner"), Orleans.Concurrency.AlwaysInterleave]
    ValueTask<string?> GetOwnerAsync();
}
