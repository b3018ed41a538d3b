using System.Text.Json;

namespace WabaActors.Host.Webhooks;

/// <summary>
/// The <c>messages</c> field (and <c>calls</c>, and the withdrawn <c>user_id_update</c>) →
/// <see cref="MessagesBatch"/>. A user's message opens the window of <c>from</c> ?? <c>from_user_id</c>
/// ?? a lone contact's <c>user_id</c>; a phone and a BSUID naming one person travel together and
/// link. Every <c>contacts[]</c> entry and status recipient teaches links; a 131047 failure closes the
/// window of <c>recipient_id</c> ?? <c>recipient_user_id</c>; a 131049 or 131050 failure is the number's verdict
/// on that customer (<see cref="MessagesBatch.Outcomes"/>), and <c>user_preferences</c> its marketing preference.
/// Other statuses and errors are not the rules' business. (docs/adr/0020-customers-are-people.md)
/// </summary>
public static class MessagesReader
{
    public const string Field = "messages";

    /// <summary>The withdrawn field that carried BSUID changes (Mar–Aug 2026), read like a system message.</summary>
    public const string UserIdUpdateField = "user_id_update";

    /// <summary>Meta's error for a message sent outside the customer-service window.</summary>
    public const string OutsideWindow = "131047";

    /// <summary>Meta's per-user marketing limit and the user's stop of marketing messages: verdicts the number keeps.</summary>
    private static readonly string[] MarketingCodes = ["131049", "131050"];

    /// <summary>The fields this reader takes.</summary>
    public static bool Handles(string field) => field is Field or CallsReader.Field or UserIdUpdateField or PreferencesReader.Field;

    public static MessagesBatch Read(JsonElement value)
    {
        var phone = MetaJson.Digits((value.Child("metadata") ?? default).Text("display_phone_number"));
        var batch = new MessagesBatchBuilder();
        foreach (var contact in value.Items("contacts"))
        {
            batch.Teach(Person.Contact(contact));
        }

        foreach (var message in value.Items("messages"))
        {
            Message(message, value, batch);
        }

        foreach (var status in value.Items("statuses"))
        {
            Status(status, batch);
        }

        CallsReader.Read(value, batch);
        PreferencesReader.Read(value, batch);
        SystemMessageReader.ReadUpdates(value, batch);
        return batch.Build(phone);
    }

    private static void Message(JsonElement message, JsonElement value, MessagesBatchBuilder batch)
    {
        if (message.Text("type") == "system")
        {
            SystemMessageReader.Read(message, batch);
            return;
        }

        var (sender, id, at) = (Person.Sender(message, value), message.Id("id"), MetaJson.Instant(message.Text("timestamp")));
        if (id is null || at is null)
        {
            batch.Unreadable();
            return;
        }

        batch.Inbound(sender, id, at.Value, entryPoint: ReferralReader.Read(message, batch));
    }

    private static void Status(JsonElement status, MessagesBatchBuilder batch)
    {
        var recipient = Person.Recipient(status);
        batch.Teach(recipient);
        var codes = status.Text("status") == "failed" ? status.Items("errors").Select(e => e.Text("code")).ToList() : [];
        var marketing = codes.FirstOrDefault(c => MarketingCodes.Contains(c));
        if (!codes.Contains(OutsideWindow) && marketing is null)
        {
            return;
        }

        var (customer, at, id) = (status.Id("recipient_id") ?? recipient.UserId, MetaJson.Instant(status.Text("timestamp")), status.Id("id"));
        if (customer is null || at is null || (marketing is not null && id is null))
        {
            batch.Unreadable();
            return;
        }

        if (codes.Contains(OutsideWindow))
        {
            batch.Close(customer, at.Value);
        }

        if (marketing is not null)
        {
            batch.Failed(recipient, id!, int.Parse(marketing, System.Globalization.CultureInfo.InvariantCulture), at.Value);
        }
    }
}
