using WabaActors.Contracts.Messaging;
using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;

namespace WabaActors.Grains.Translation;

/// <summary>Customer ids across grain messages: as text (phones and BSUIDs as received), parsed back here.</summary>
public static class Customers
{
    /// <summary>The ids as text, for a grain message.</summary>
    public static IReadOnlyList<string> Texts(this IReadOnlyList<CustomerIdentity> ids) =>
        ids.Count == 0 ? [] : [.. ids.Select(id => id.ToString())];

    /// <summary>
    /// Ids from a grain message; one that does not parse is left out (a sender of this service never sends
    /// one: leaving it out only forgets an alias, which over-counts and never over-grants).
    /// </summary>
    public static CustomerIdentity[] Parse(IReadOnlyList<string>? texts)
    {
        if (texts is null || texts.Count == 0)
        {
            return [];
        }

        var ids = new List<CustomerIdentity>(texts.Count);
        foreach (var text in texts)
        {
            if (CustomerIdentity.Parse(text) is { IsSuccess: true } parsed)
            {
                ids.Add(parsed.Value);
            }
        }

        return [.. ids];
    }

    /// <summary>
    /// The request a number sends its quota for a template slot. <c>Aliases</c> is never null from this
    /// version (empty when none are known): a request without it comes from a silo of the version before
    /// BSUIDs, which cannot take a <c>Resolve</c>, so the quota settles it at once.
    /// </summary>
    public static TemplateGrantRequest GrantRequest(string phone, PermitAsk ask, IReadOnlyList<CustomerIdentity> aliases, bool settle) =>
        new(phone, ask.Customer.StoredKey, ask.Id.Value, ask.Customer.BsuidText, aliases.Texts(), settle);

    /// <summary>The customer a quota was asked about.</summary>
    public static CustomerIdentity CustomerOf(TemplateGrantRequest request) => CustomerIdentity.FromStored(request.Customer, request.CustomerBsuid);
}
