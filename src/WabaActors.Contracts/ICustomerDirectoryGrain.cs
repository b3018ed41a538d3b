using WabaActors.Contracts.Messaging;

namespace WabaActors.Contracts;

/// <summary>
/// Which ids name one person in a quota scope (implemented by the template-quota grain, same key: an
/// account, or a portfolio under Meta's rules). Taught by the scope's numbers; links are durable before
/// <see cref="LinkAsync"/> answers and are loaded with the quota (docs/adr/0020-customers-are-people.md).
/// </summary>
[Alias("waba.ICustomerDirectoryGrain")]
public interface ICustomerDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Links two ids of one person; answers once the link is durable (a known, fresh link writes nothing).</summary>
    [Alias("Link")]
    ValueTask LinkAsync(CustomerLinkRequest link, CancellationToken cancellationToken = default);

    /// <summary>The person's other ids (text as received), empty when the customer has no live link, and how many ids the directory links.</summary>
    [Alias("Resolve")]
    ValueTask<CustomerAliases> ResolveAsync(string customer, CancellationToken cancellationToken = default);
}
