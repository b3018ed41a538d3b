using WabaActors.Domain.Identity;

namespace WabaActors.Domain.Tests.MessagingSupport;

/// <summary>WhatsApp user ids and message ids for the messaging tests.</summary>
public static class Customers
{
    public static readonly CustomerId Alice = Of(1);
    public static readonly CustomerId Bob = Of(2);

    /// <summary>The <paramref name="n"/>th test customer (a 12-digit WhatsApp user id).</summary>
    public static CustomerId Of(int n) => new(420_700_000_000 + n);

    /// <summary>Alice's business-scoped user id (a BSUID as Meta publishes them).</summary>
    public static readonly CustomerIdentity AliceBsuid = Bsuid("US.13491208655302741918");

    public static readonly CustomerIdentity BobBsuid = Bsuid("US.13491208655302742000");

    public static MessageId Message(string id) => MessageId.Parse(id).Value;

    public static CustomerIdentity Bsuid(string text) => CustomerIdentity.Parse(text).Value;
}
