using WabaActors.Contracts;
using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Common;
using WabaActors.Grains.Quota;
using WabaActors.Grains.Translation;

namespace WabaActors.Grains.Accounts;

/// <summary>The template-recipient set behind the account's limit, read from its quota grain.</summary>
public sealed partial class AccountGrain
{
    public async ValueTask<Reply<TemplateRecipientsView>> GetTemplateRecipientsAsync(string tenant)
    {
        if (Owned(tenant) is not { } account)
        {
            return Failures.AccountNotFound;
        }

        var quota = GrainFactory.Reference<ITemplateQuotaGrain>(QuotaKeys.For(account, rules));
        return await quota.RecipientsAsync(account.TemplateRecipientLimit(rules));
    }
}
