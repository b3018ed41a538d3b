using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Messaging;

namespace WabaActors.Contracts;

/// <summary>
/// The rolling 24 h set of unique template recipients of one scope: an account
/// (<c>account:{waba}</c>, the source document's rule) or a Meta business portfolio
/// (<c>portfolio:{businessManagerId}</c>, Meta's rule). Idempotent per message id.
/// </summary>
[Alias("waba.ITemplateQuotaGrain")]
public interface ITemplateQuotaGrain : IGrainWithStringKey
{
    /// <summary>Counts the customer unless already counted, or denies with the instant a slot frees.</summary>
    [Alias("Grant")]
    ValueTask<TemplateGrant> GrantAsync(TemplateGrantRequest request, int limit, CancellationToken cancellationToken = default);

    [Alias("Usage")]
    ValueTask<RecipientLimitView> UsageAsync(int limit);

    /// <summary>The usage with the instant each recipient in the rolling period was counted (for charts).</summary>
    [Alias("Recipients")]
    ValueTask<TemplateRecipientsView> RecipientsAsync(int limit);
}
