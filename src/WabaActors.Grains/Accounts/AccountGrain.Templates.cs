using WabaActors.Contracts.Common;
using WabaActors.Contracts.Templates;

namespace WabaActors.Grains.Accounts;

/// <summary>The account's template registry: set over HTTP or by Meta's webhooks, handed to the numbers in the gate.</summary>
public sealed partial class AccountGrain
{
    public ValueTask<Reply<TemplateView>> PutTemplateAsync(string tenant, TemplateUpdate update) => throw new NotImplementedException();

    public ValueTask<Reply<TemplateList>> GetTemplatesAsync(string tenant) => throw new NotImplementedException();
}
