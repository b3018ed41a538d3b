using WabaActors.Domain.Identity;

namespace WabaActors.Domain.Tests.MessagingSupport;

/// <summary>WhatsApp user ids and message ids for the messaging tests.</summary>
public static class Customers
{
    public static readonly CustomerId Alice = Of(1);
    public static readonly CustomerId Bob = Of(2);

    /// <summary>The <paramref name="n"/>th test customer (a 12-digit WhatsApp user id).</summary>
    public static CustomerId Of(int n) => new(420_700_000_000 + n);

    public static MessageId Message(string id) => MessageId.Parse(id).Value;
}
