using System.Text.Json;

namespace WabaActors.Host.Webhooks;

/// <summary>
/// The ids one payload item gives a person: a phone (<c>from</c>, <c>wa_id</c>, <c>recipient_id</c>),
/// a BSUID (<c>…user_id</c>) and a parent BSUID (<c>…parent_user_id</c>). Meta leaves the phone out,
/// never sends it empty, when a user with a username hides it.
/// </summary>
public readonly record struct Person(string? Phone, string? UserId, string? Parent)
{
    /// <summary>The id the person is addressed by: the phone if there is one, else the BSUID.</summary>
    public string? Customer => Phone ?? UserId;

    /// <summary>
    /// The sender of a message or a user-initiated call: <c>from</c> and <c>from_user_id</c>, each
    /// completed from its <c>contacts[]</c> entry (the one naming either id, else a lone one that
    /// names no other).
    /// </summary>
    public static Person Sender(JsonElement item, JsonElement value, string prefix = "from")
    {
        var (phone, userId) = (item.Id(prefix), item.Id(prefix + "_user_id"));
        var contact = ContactOf(value, phone, userId);
        return new Person(phone ?? contact?.Id("wa_id"), userId ?? contact?.Id("user_id"),
            item.Id(prefix + "_parent_user_id") ?? contact?.Id("parent_user_id"));
    }

    /// <summary>A status's recipient (<c>recipient_parent_user_id</c> was also spelled <c>parent_recipient_user_id</c>); a group's id is not a person.</summary>
    public static Person Recipient(JsonElement status) => new(
        status.Text("recipient_type") == "group" ? null : status.Id("recipient_id"),
        status.Id("recipient_user_id"),
        status.Id("recipient_parent_user_id") ?? status.Id("parent_recipient_user_id"));

    /// <summary>A <c>contacts[]</c> entry.</summary>
    public static Person Contact(JsonElement contact) => new(contact.Id("wa_id"), contact.Id("user_id"), contact.Id("parent_user_id"));

    /// <summary>The contact naming <paramref name="phone"/> or <paramref name="userId"/>; else a lone one that names no other id.</summary>
    private static JsonElement? ContactOf(JsonElement value, string? phone, string? userId)
    {
        var contacts = value.Items("contacts").ToList();
        var named = contacts.FirstOrDefault(c => (phone is not null && c.Id("wa_id") == phone) || (userId is not null && c.Id("user_id") == userId));
        if (named.ValueKind == JsonValueKind.Object)
        {
            return named;
        }

        return contacts is [var lone] && (phone is null || lone.Id("wa_id") is null) && (userId is null || lone.Id("user_id") is null) ? lone : null;
    }
}
