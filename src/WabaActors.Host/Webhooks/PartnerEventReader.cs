using System.Text.Json;
using WabaActors.Contracts.Webhooks;
using WabaActors.Domain.Common;
using WabaActors.Domain.Identity;
using WabaActors.Domain.Onboarding;

namespace WabaActors.Host.Webhooks;

/// <summary>
/// 360dialog's partner webhook: <c>{ "event": "channel_created", "payload": { … } }</c> (ADR 0011 lists
/// the fields read). A wrong shape is a <c>validation_failed</c> naming the path; what an event holds
/// is read leniently, as Meta's values are, because 360dialog documents its examples loosely.
/// </summary>
public static class PartnerEventReader
{
    /// <summary>Where the WABA id (Meta's, not 360dialog's own account id) may be, first found wins.</summary>
    private static readonly (string Path, Func<JsonElement, string?> Read)[] WabaPaths =
    [
        ("waba_account.external_id", d => (d.Child("waba_account") ?? default).Text("external_id")),
        ("waba_id", d => d.Text("waba_id")),
        ("waba_account_id", d => d.Text("waba_account_id")),
    ];

    public static Result<PartnerDelivery> Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return DomainError.Invalid("body", "The body must be a JSON object (360dialog's partner webhook).");
        }

        var v = new Validator();
        var name = root.TryGetProperty("event", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        v.Check(!string.IsNullOrEmpty(name), "event", "event must be a non-empty string.");
        var hasPayload = root.TryGetProperty("payload", out var payload);
        v.Check(!hasPayload || payload.ValueKind == JsonValueKind.Object, "payload", "payload must be an object.");
        if (!v.IsValid)
        {
            return v.ToError();
        }

        var data = hasPayload ? payload : root;
        var prefix = hasPayload ? "payload." : string.Empty;
        foreach (var (path, read) in WabaPaths)
        {
            if (read(data) is { } waba)
            {
                return WabaId.Parse(waba).IsSuccess
                    ? new PartnerDelivery(name!, data, waba)
                    : DomainError.Invalid(prefix + path, $"{prefix}{path} must be the WABA id ([A-Za-z0-9_-]{{1,64}}).");
            }
        }

        return new PartnerDelivery(name!, data, null);
    }

    /// <summary>A known event's facts for the account grain (<see cref="PartnerNotice.Types"/>).</summary>
    public static PartnerWebhook Read(PartnerDelivery delivery, string digest)
    {
        var data = delivery.Data;
        var phone = MetaJson.Digits(data.Text("phone_number"));
        var isChannel = delivery.Event.StartsWith("channel_", StringComparison.Ordinal);
        var label = isChannel
            ? data.Text("status")
            : data.Text("violation_type") ?? (data.Child("violation_info") ?? default).Text("violation_type");
        var billing = delivery.Event == PartnerNotice.ChannelCreated ? MetaJson.Instant(data.Text("billing_started_at")) : null;
        var restrictions = data.Items("restriction_info")
            .Select(r => new RestrictionNotice(r.Text("restriction_type"), MetaJson.Instant(r.Text("expiration"))));
        var ban = isChannel ? null : (data.Child("ban_info") ?? default).Text("waba_ban_state");
        return new PartnerWebhook(digest, delivery.Event, PhoneNumber.Parse(phone).IsSuccess ? phone : null, label, billing,
            isChannel ? [] : [.. restrictions], ban);
    }

    /// <summary>An event name as logs and metrics may show it (a remote party's text, so bounded).</summary>
    public static string Printable(string name) => PartnerNotice.CleanLabel(name) ?? "(unprintable)";
}
