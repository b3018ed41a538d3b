using System.Text.Json;
using WabaActors.Domain.Identity;

namespace WabaActors.Host.Webhooks;

/// <summary>
/// Meta's word that a person's ids changed; it opens no window and moves the person's links
/// (docs/adr/0020, section 2). A <c>type: system</c> message (no <c>contacts[]</c>; <c>from</c>, the old
/// phone, only when a phone may be shared): <c>user_changed_user_id</c> (a new BSUID, usually no
/// <c>wa_id</c>) and <c>user_changed_number</c> (a new phone and BSUID; the new phone in
/// <c>system.wa_id</c>, or <c>new_wa_id</c> in Meta's older example) link <c>previous_user_id</c> ↔
/// <c>user_id</c>, the new phone ↔ <c>user_id</c>, and the parents alike (On-Prem's
/// <c>customer_changed_number</c> too; its <c>customer_identity_changed</c> teaches nothing). Meta's June 2026 page gave
/// the BSUIDs only in <c>body</c> ("… changed from X to Y"), read when <c>previous_user_id</c> is
/// missing. The withdrawn <c>user_id_update</c> field (<c>{wa_id, user_id:{previous,current},
/// parent_user_id:{previous,current}}</c>) is read the same way.
/// </summary>
internal static class SystemMessageReader
{
    public const string What = "system_type";

    /// <summary>A legacy On-Prem type: known, and nothing to learn (the user's identity key changed).</summary>
    private const string IdentityChanged = "customer_identity_changed";

    public static void Read(JsonElement message, MessagesBatchBuilder batch)
    {
        var system = message.Child("system") ?? default;
        var type = system.Id("type");
        if (type is not ("user_changed_user_id" or "user_changed_number" or "customer_changed_number"))
        {
            if (type == IdentityChanged)
            {
                batch.OpenNothing($"a system message ({type})");
            }
            else
            {
                batch.Unknown(What, type);
            }

            return;
        }

        var (previous, current) = (system.Id("previous_user_id"), system.Id("user_id"));
        if (previous is null && Bsuids(system.Id("body")) is [var before, var after])
        {
            (previous, current) = (before, current ?? after);
        }

        var phone = system.Id("wa_id") ?? system.Id("new_wa_id");
        var learned = Moved(batch, previous, current, phone, system.Id("previous_parent_user_id"), system.Id("parent_user_id"));

        // Meta's older shape names no BSUID: the old phone ↔ the new one is all there is to carry the person.
        if (previous is null && current is null)
        {
            learned = batch.Link(message.Id("from"), phone);
        }

        if (!learned)
        {
            batch.Unreadable();
            return;
        }

        batch.OpenNothing($"a system message ({type})");
    }

    /// <summary>The withdrawn <c>user_id_update</c> field's items.</summary>
    public static void ReadUpdates(JsonElement value, MessagesBatchBuilder batch)
    {
        foreach (var update in value.Items("user_id_update"))
        {
            var (userId, parent) = (update.Child("user_id") ?? default, update.Child("parent_user_id") ?? default);
            if (!Moved(batch, userId.Id("previous"), userId.Id("current"), update.Id("wa_id"), parent.Id("previous"), parent.Id("current")))
            {
                batch.Unreadable();
            }
        }
    }

    /// <summary>Links the old ids to the new ones; false when the item named no pair.</summary>
    private static bool Moved(MessagesBatchBuilder batch, string? previous, string? current, string? phone, string? previousParent, string? parent) =>
        batch.Link(previous, current) | batch.Teach(new Person(phone, current, parent)) | batch.Link(previousParent, parent);

    /// <summary>The BSUIDs a change message's body names, in order ("User A changed from US.1 to US.2").</summary>
    private static string[] Bsuids(string? body) =>
        body is null ? [] : [.. body.Split([' ', ',', ';', '"', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.TrimEnd('.'))
            .Where(w => CustomerIdentity.Parse(w) is { IsSuccess: true } id && !id.Value.IsPhone)];
}
