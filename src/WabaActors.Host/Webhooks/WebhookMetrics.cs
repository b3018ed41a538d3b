using System.Diagnostics.Metrics;
using WabaActors.Domain.Common;
using WabaActors.Domain.Onboarding;
using WabaActors.Grains.Telemetry;

namespace WabaActors.Host.Webhooks;

/// <summary>
/// Webhook instruments (docs/telemetry.md). The <c>field</c> tag is one of the fields the service
/// handles or <c>other</c>: a value from the request never becomes a tag of its own, so a caller
/// cannot grow the number of series.
/// </summary>
public sealed class WebhookMetrics
{
    private readonly Counter<long> _changes;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _unknown;
    private readonly Counter<long> _secretMatches;

    public WebhookMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(TelemetryNames.Meter);
        _changes = meter.CreateCounter<long>("waba.webhook.changes", "{change}",
            "Changes of Meta's webhook deliveries by field and result (applied, unchanged, duplicate, ignored).");
        _refused = meter.CreateCounter<long>("waba.webhook.refused", "{delivery}",
            "Webhook deliveries refused before any change was read, by reason.");
        _secretMatches = meter.CreateCounter<long>("waba.webhook.secret_matches", "{delivery}",
            "Webhook deliveries and handshakes verified, by the secret that verified them and its generation (current, or previous during a rotation).");
        _unknown = meter.CreateCounter<long>("waba.webhook.unknown_values", "{value}",
            "Values in Meta's webhooks the service does not know (a restriction type, an account_update event, a review decision, a limit, an envelope object, a referral source_type, a system message type, a call event or direction, a template event or category, a user preference's category or value): acknowledged, logged and counted, never read as nothing.");
    }

    /// <summary>An unknown value: <c>what</c> names its kind (restriction_type, event, decision, limit, object, source_type, system_type, call_event, call_direction, template_event, template_category, preference_category, preference_value), never the value itself.</summary>
    public void UnknownValue(string what, string field) =>
        _unknown.Add(1, new KeyValuePair<string, object?>("what", what), new KeyValuePair<string, object?>("field", KnownField(field)));

    public void Change(string field, WebhookOutcome outcome) =>
        _changes.Add(1, new KeyValuePair<string, object?>("field", KnownField(field)), new KeyValuePair<string, object?>("result", Results[(int)outcome]));

    /// <summary>A 360dialog partner event: <c>field</c> is <c>360dialog:&lt;event&gt;</c> for the five handled, <c>360dialog:other</c> for any other.</summary>
    public void PartnerEvent(string name, WebhookOutcome outcome) =>
        _changes.Add(1, new KeyValuePair<string, object?>("field", PartnerWebhookApplier.Source + ":" + (PartnerNotice.IsKnown(name) ? name : "other")),
            new KeyValuePair<string, object?>("result", Results[(int)outcome]));

    /// <summary>A delivery refused: <c>invalid_signature</c>, <c>not_configured</c> or <c>invalid_body</c>; <c>source</c> is <c>meta</c> or <c>360dialog</c>.</summary>
    public void Refused(string reason, string source = "meta") =>
        _refused.Add(1, new KeyValuePair<string, object?>("reason", reason), new KeyValuePair<string, object?>("source", source));

    /// <summary>A delivery or handshake verified: <c>secret</c> is <c>app_secret</c>, <c>verify_token</c> or <c>dialog360_secret</c>; <c>generation</c> is <c>current</c> or <c>previous</c>.</summary>
    public void SecretMatched(string secret, string generation) =>
        _secretMatches.Add(1, new KeyValuePair<string, object?>("secret", secret), new KeyValuePair<string, object?>("generation", generation));

    private static readonly string[] Results = [.. Enum.GetValues<WebhookOutcome>().Select(o => SnakeCase.Of(o))];

    private static string KnownField(string field) =>
        MessagesReader.Handles(field) || AccountChangeReader.Handles(field) ? field : "other";
}
