using System.Globalization;
using WabaActors.Api.Tests.Support;
using static WabaActors.Api.Tests.Support.Webhooks;

namespace WabaActors.Api.Tests;

/// <summary>
/// Meta's 2026 payloads that name people (../shared/domain/meta-2026-webhooks.md, 1.2): a field Meta
/// leaves out is absent from the body, never null (a user with a username hides the phone: no
/// <c>from</c>, no <c>wa_id</c>).
/// </summary>
public static class MetaPeople
{
    private static long _next = Random.Shared.NextInt64(1_000_000, 9_000_000) * 1_000_000_000_000L;

    /// <summary>A fresh BSUID shaped like Meta's example (<c>US.13491208655302741918</c>: 20 digits).</summary>
    public static string Bsuid() => "US." + (13_000_000_000_000_000_000UL + (ulong)Interlocked.Increment(ref _next)).ToString(CultureInfo.InvariantCulture);

    /// <summary>A fresh parent BSUID (<c>US.ENT.11815799212886844830</c>).</summary>
    public static string ParentBsuid() => "US.ENT." + (11_000_000_000_000_000_000UL + (ulong)Interlocked.Increment(ref _next)).ToString(CultureInfo.InvariantCulture);

    /// <summary>A JSON object without the properties whose value is null (Meta omits them).</summary>
    public static Dictionary<string, object> Obj(params (string Name, object? Value)[] properties) =>
        properties.Where(p => p.Value is not null).ToDictionary(p => p.Name, p => p.Value!);

    /// <summary>A change's <c>value</c> for the business number <paramref name="phone"/>, with <paramref name="arrays"/> (contacts, messages, statuses, calls).</summary>
    public static Dictionary<string, object> Value(string phone, params (string Name, object? Value)[] arrays) => Obj(
        [("messaging_product", "whatsapp"), ("metadata", Obj(("display_phone_number", phone), ("phone_number_id", "1" + phone))), .. arrays]);

    /// <summary>A <c>contacts[]</c> entry; a <paramref name="username"/> is there only if the user adopted one.</summary>
    public static object Contact(string? phone, string? userId, string? parent = null, string? username = null) => Obj(
        ("profile", Obj(("name", "Sheena Nelson"), ("username", username))), ("wa_id", phone), ("user_id", userId), ("parent_user_id", parent));

    /// <summary>A user's text message; <paramref name="extra"/> adds e.g. a <c>referral</c>.</summary>
    public static object Text(string? from, string? fromUserId, string id, DateTimeOffset at, string? fromParent = null, params (string Name, object? Value)[] extra) => Obj(
        [("from", from), ("from_user_id", fromUserId), ("from_parent_user_id", fromParent), ("id", id), ("timestamp", UnixText(at)),
         ("type", "text"), ("text", Obj(("body", "Does it come in another color?"))), .. extra]);

    /// <summary>A <c>messages</c> change with one message and its contacts.</summary>
    public static object Messages(string phone, object message, params object[] contacts) =>
        Value(phone, ("contacts", contacts.Length == 0 ? null : contacts), ("messages", new[] { message }));

    /// <summary>A <c>statuses[]</c> item; <paramref name="code"/> adds an error.</summary>
    public static object Status(string status, DateTimeOffset at, string? recipientId, string? recipientUserId, int? code = null, params (string Name, object? Value)[] extra) => Obj(
        [("id", Ids.MessageId()), ("status", status), ("timestamp", UnixText(at)), ("recipient_id", recipientId), ("recipient_user_id", recipientUserId),
         ("errors", code is null ? null : new[] { Obj(("code", code), ("title", "Re-engagement message"), ("message", "Re-engagement message"),
             ("error_data", Obj(("details", "Message failed to send because more than 24 hours have passed since the customer last replied to this number.")))) }),
         .. extra]);

    /// <summary>A <c>type: system</c> message (Meta sends it without <c>contacts[]</c>); <paramref name="from"/> is the old phone, when one may be shared.</summary>
    public static object SystemMessage(string? from, DateTimeOffset at, params (string Name, object? Value)[] system) => Obj(
        ("from", from), ("id", Ids.MessageId()), ("timestamp", UnixText(at)), ("type", "system"), ("system", Obj(system)));

    /// <summary>A <c>calls[]</c> item of a user-initiated call (<c>to</c> is the business).</summary>
    public static object Call(string id, string @event, DateTimeOffset at, string business, string? from, string? fromUserId, string direction = "USER_INITIATED") => Obj(
        ("id", id), ("to", business), ("from", from), ("from_user_id", fromUserId), ("event", @event), ("timestamp", UnixText(at)), ("direction", direction),
        ("session", @event == "connect" ? Obj(("sdp_type", "offer"), ("sdp", "v=0\r\no=- 7669997803033704573 2 IN IP4 127.0.0.1\r\n")) : null),
        ("status", @event == "terminate" ? "COMPLETED" : null), ("duration", @event == "terminate" ? 480 : null));

    /// <summary>A call id as Meta writes it.</summary>
    public static string CallId() => "wacid." + Guid.NewGuid().ToString("N");
}
