using System.Text.Json;
using WabaActors.Contracts.Messaging;

namespace WabaActors.Host.Webhooks;

/// <summary>The <c>messages</c> field → <see cref="MessagesBatch"/>. Other statuses (sent, delivered, read) and other errors are not the rules' business.</summary>
public static class MessagesReader
{
    public const string Field = "messages";
    /// <summary>Meta's error for a message sent outside the customer-service window.</summary>
    public const string OutsideWindow = "131047";

    public static MessagesBatch Read(JsonElement value)
    {
        var phone = MetaJson.Digits((value.Child("metadata") ?? default).Text("display_phone_number"));
        var unreadable = 0;
        var inbound = new List<InboundMessage>();
        foreach (var message in value.Items("messages"))
        {
            var (from, id, at) = (message.Text("from"), message.Text("id"), MetaJson.Instant(message.Text("timestamp")));
            if (from is null || id is null || at is null)
            {
                unreadable++;
                continue;
            }

            inbound.Add(new InboundMessage(from, id, at.Value));
        }

        var closes = new List<WindowClose>();
        foreach (var status in value.Items("statuses"))
        {
            if (status.Text("status") != "failed" || !status.Items("errors").Any(e => e.Text("code") == OutsideWindow))
            {
                continue;
            }

            var (customer, at) = (status.Text("recipient_id"), MetaJson.Instant(status.Text("timestamp")));
            if (customer is null || at is null)
            {
                unreadable++;
                continue;
            }

            closes.Add(new WindowClose(customer, at.Value));
        }

        return new MessagesBatch(phone, inbound, closes, unreadable);
    }
}
