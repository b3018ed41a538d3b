using WabaActors.Contracts.Common;
using WabaActors.Contracts.Messaging;
using WabaActors.Domain.Common;
using WabaActors.Domain.Identity;

namespace WabaActors.Host.Api;

/// <summary>
/// The messaging bodies read into the grain contract. The closed sets (<c>type</c>, <c>kind</c>,
/// <c>entryPoint</c>) are parsed here, once, from the tables the OpenAPI document lists too; the number
/// validates the rest (the hot path parses nothing twice). When a closed set's text is unknown or a
/// required value is missing, the body is answered with every invalid field, named as the number names
/// them (the slow path).
/// </summary>
internal static class MessagingInput
{
    /// <summary><c>type</c> of a permit.</summary>
    public static IReadOnlyDictionary<string, MessageKind> Types { get; } = Closed<MessageKind>();

    /// <summary><c>kind</c> of an inbound message; absent is <c>message</c>.</summary>
    public static IReadOnlyDictionary<string, InboundKind> Kinds { get; } = Closed<InboundKind>();

    /// <summary><c>entryPoint</c> of an inbound message: the free entry points; none is said by leaving it out.</summary>
    public static IReadOnlyDictionary<string, EntryPoint> EntryPoints { get; } = Closed(EntryPoint.None);

    /// <summary>The message for the number, or null when the body needs <see cref="Invalid(InboundBody)"/>.</summary>
    public static InboundMessage? Read(InboundBody body) =>
        body.Timestamp is { } timestamp && Optional(Kinds, body.Kind, InboundKind.Message) is { } kind
        && Optional(EntryPoints, body.EntryPoint, EntryPoint.None) is { } entryPoint
            ? new InboundMessage(body.Customer ?? string.Empty, body.MessageId ?? string.Empty, timestamp, body.UserId, kind, entryPoint)
            : null;

    /// <summary>The request for the number, or null when the body needs <see cref="Invalid(PermitBody)"/>.</summary>
    public static PermitRequest? Read(PermitBody body) =>
        body.Type is { } text && Types.TryGetValue(text, out var type)
        && TemplateInput.Ref(body.Template) is var (known, template) && known
        && Optional(TemplateInput.Categories, body.Category) is var (categoryKnown, category) && categoryKnown
            ? new PermitRequest(body.Customer ?? string.Empty, type, body.MessageId ?? string.Empty, body.UserId) { Template = template, Category = category }
            : null;

    /// <summary>Every invalid field of an inbound body.</summary>
    public static Failure Invalid(InboundBody body)
    {
        var v = People(body.Customer, body.UserId, body.MessageId);
        v.Check(body.Timestamp is not null, "timestamp", "timestamp is required (ISO 8601, e.g. 2026-11-25T08:00:00Z).");
        v.Check(body.Kind is null || Kinds.ContainsKey(body.Kind), "kind", $"kind must be {Words(Kinds)} (message when left out).");
        v.Check(body.EntryPoint is null || EntryPoints.ContainsKey(body.EntryPoint), "entryPoint", $"entryPoint must be {Words(EntryPoints)} (left out when none).");
        return Failure(v);
    }

    /// <summary>Every invalid field of a permit body.</summary>
    public static Failure Invalid(PermitBody body)
    {
        var v = People(body.Customer, body.UserId, body.MessageId);
        v.Check(body.Type is not null && Types.ContainsKey(body.Type), "type", $"type must be {Words(Types)}.");
        TemplateInput.Check(v, body.Template, body.Category);
        return Failure(v);
    }

    /// <summary>The customer (a phone or a BSUID), the optional <c>userId</c> (a BSUID) and the message id.</summary>
    internal static Validator People(string? customer, string? userId, string? messageId)
    {
        var v = new Validator();
        v.Parse("customer", () => CustomerIdentity.Parse(customer));
        if (userId is not null)
        {
            var parsed = CustomerIdentity.Parse(userId, "userId");
            v.Check(parsed.IsSuccess, "userId", parsed.Error?.Message ?? string.Empty)
                .Check(!parsed.IsSuccess || !parsed.Value.IsPhone, "userId", "userId must be a business-scoped user id such as US.13491208655302741918, not a phone.");
        }

        v.Parse("messageId", () => MessageId.Parse(messageId));
        return v;
    }

    internal static Failure Failure(Validator v)
    {
        var error = v.ToError();
        return new Failure(error.Code, error.Message) { Errors = error.Errors };
    }

    /// <summary>Absent is <paramref name="absent"/>; a known text its value; anything else null.</summary>
    private static T? Optional<T>(IReadOnlyDictionary<string, T> set, string? text, T absent) where T : struct, Enum =>
        text is null ? absent : set.TryGetValue(text, out var value) ? value : null;

    /// <summary>An optional closed-set value: (true, null) when absent, (true, value) when known, (false, null) otherwise.</summary>
    internal static (bool Known, T? Value) Optional<T>(IReadOnlyDictionary<string, T> set, string? text) where T : struct, Enum =>
        text is null ? (true, null) : set.TryGetValue(text, out var value) ? (true, value) : (false, null);

    internal static Dictionary<string, T> Closed<T>(params T[] except) where T : struct, Enum =>
        Enum.GetValues<T>().Where(e => !except.Contains(e)).ToDictionary(e => SnakeCase.Of(e), StringComparer.Ordinal);

    internal static string Words<T>(IReadOnlyDictionary<string, T> set) => string.Join(" or ", set.Keys.Select(k => $"'{k}'"));
}
