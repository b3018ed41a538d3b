using System.Text.Json;
using WabaActors.Contracts.Webhooks;
using WabaActors.Domain.Onboarding;

namespace WabaActors.Host.Webhooks;

/// <summary>
/// The account-level fields (docs/meta-webhooks.md) → the account grain's webhook changes, Meta's
/// values kept as sent. Every spelling Meta publishes is read; a value the service does not know is
/// reported in <c>unknown</c> (the mapper logs and counts it) and is never read as "nothing".
/// </summary>
public static class AccountChangeReader
{
    public const string Review = "account_review_update";
    public const string DisplayName = "phone_number_name_update";
    public const string AccountUpdate = "account_update";
    public const string Capability = "business_capability_update";
    public const string Quality = "phone_number_quality_update";

    /// <summary>account_update events Meta documents as informational: acknowledged, nothing to apply.</summary>
    private static readonly HashSet<string> Informational = new(StringComparer.Ordinal)
    {
        "PARTNER_CLIENT_CERTIFICATION_STATUS_UPDATE", "MM_LITE_TERMS_SIGNED", "AD_ACCOUNT_LINKED",
        "AUTH_INTL_PRICE_ELIGIBILITY_UPDATE", "BUSINESS_PRIMARY_LOCATION_COUNTRY_UPDATE",
        "VOLUME_BASED_PRICING_TIER_UPDATE", "VERIFIED_ACCOUNT",
    };

    /// <summary><c>phone_number_quality_update</c>'s event for Meta's 1,000 messages a second upgrade.</summary>
    public const string ThroughputUpgrade = "THROUGHPUT_UPGRADE";

    public static bool Handles(string field) => field is Review or DisplayName or AccountUpdate or Capability or Quality || TemplateChangeReader.Handles(field);

    /// <summary>
    /// The WABA a change is about: <c>account_update</c>'s <c>waba_info.waba_id</c> when given (Meta sends
    /// PARTNER_ADDED / PARTNER_REMOVED under the partner's business id), else the entry's id.
    /// </summary>
    public static string TargetWaba(string field, JsonElement value, string entryId) =>
        field == AccountUpdate && value.Child("waba_info") is { } info && info.Text("waba_id") is { Length: > 0 } waba
        && Domain.Identity.WabaId.Parse(waba).IsSuccess ? waba : entryId;

    /// <summary>
    /// The change to apply; null, with why, when the value carries nothing the service applies. <paramref name="at"/>
    /// is when Meta made the change (the entry's <c>time</c>, else now): a template's pause starts then.
    /// </summary>
    public static AccountWebhook? Read(string field, JsonElement value, string digest, out string? skipped, List<UnknownValue> unknown, DateTimeOffset? at = null)
    {
        skipped = null;
        switch (field)
        {
            case TemplateChangeReader.StatusUpdate:
            case TemplateChangeReader.CategoryUpdate:
                return TemplateChangeReader.Read(field, value, digest, at, out skipped, unknown);
            case Review:
                var decision = value.Text("decision");
                if (MetaReviewWord.Parse(decision) is null)
                {
                    unknown.Add(new UnknownValue("decision", decision ?? "(none)"));
                }

                return new ReviewWebhook(digest, decision);
            case DisplayName:
                var phone = MetaJson.Digits(value.Text("display_phone_number"));
                if (phone.Length == 0)
                {
                    skipped = "display_phone_number is missing";
                    return null;
                }

                return new DisplayNameWebhook(digest, phone, value.Text("decision"), value.Text("rejection_reason"))
                {
                    RequestedName = value.Text("requested_verified_name"),
                };
            case AccountUpdate:
                return AccountUpdateChange(value, digest, out skipped, unknown);
            case Capability:
            case Quality:
                return LimitsChange(field, value, digest, out skipped, unknown);
            default:
                throw new ArgumentException($"{field} is not an account field.", nameof(field));
        }
    }

    /// <summary>
    /// Limits, in every field Meta has carried them in: <c>max_daily_conversations_per_business</c>
    /// (v24+), the older <c>max_daily_conversation_per_phone</c> (-1 = unlimited) and
    /// <c>messaging_limit_tier</c>, and <c>phone_number_quality_update</c>'s <c>current_limit</c>;
    /// numbers from <c>max_phone_numbers_per_waba</c>, else <c>_per_business</c>. <c>TIER_NOT_SET</c> sets nothing.
    /// <c>phone_number_quality_update</c> with <c>event: THROUGHPUT_UPGRADE</c> also names the upgraded number
    /// (<c>display_phone_number</c>'s digits), beside the limits it may carry.
    /// </summary>
    private static CapabilityWebhook? LimitsChange(string field, JsonElement value, string digest, out string? skipped, List<UnknownValue> unknown)
    {
        skipped = null;
        var templates = value.Text("max_daily_conversations_per_business")
            ?? value.Text("current_limit")
            ?? value.Text("messaging_limit_tier")
            ?? value.Text("max_daily_conversation_per_phone");
        templates = templates?.Trim() switch
        {
            "-1" => "TIER_UNLIMITED",
            { } t when t.Equals("TIER_NOT_SET", StringComparison.OrdinalIgnoreCase) => null,
            var t => t,
        };
        if (templates is not null && Domain.Onboarding.MessagingTier.Parse(templates, "limit") is { IsSuccess: false })
        {
            unknown.Add(new UnknownValue("limit", templates));
        }

        var numbers = value.Text("max_phone_numbers_per_waba") ?? value.Text("max_phone_numbers_per_business");
        var upgraded = field == Quality && string.Equals(value.Text("event")?.Trim(), ThroughputUpgrade, StringComparison.OrdinalIgnoreCase)
            && MetaJson.Digits(value.Text("display_phone_number")) is { Length: > 0 } phone ? phone : null;
        if (templates is null && numbers is null && upgraded is null)
        {
            skipped = field == Quality ? $"{field} event '{value.Text("event")}' carries no limit" : "no limit this service applies";
            return null;
        }

        return new CapabilityWebhook(digest, templates, numbers) { ThroughputUpgraded = upgraded };
    }

    private static AccountWebhook? AccountUpdateChange(JsonElement value, string digest, out string? skipped, List<UnknownValue> unknown)
    {
        skipped = null;
        var kind = value.Text("event")?.Trim().ToUpperInvariant();
        switch (kind)
        {
            case "ACCOUNT_RESTRICTION":
                var notices = value.Items("restriction_info")
                    .Select(r => new RestrictionNotice(r.Text("restriction_type"), MetaJson.Instant(r.Text("expiration"))))
                    .ToList();
                unknown.AddRange(notices.Where(n => MetaRestriction.Classify(n.Type) == RestrictionKind.Unknown)
                    .Select(n => new UnknownValue("restriction_type", n.Type ?? "(none)")));
                return new RestrictionWebhook(digest, notices);
            case "DISABLED_UPDATE":
                var ban = value.Child("ban_info") ?? default;
                var state = ban.Text("waba_ban_state")
                    ?? ban.Items("waba_ban_state").Select(MetaJson.Text).FirstOrDefault(s => s is not null);
                if (BanStates.Parse(state) is null)
                {
                    unknown.Add(new UnknownValue("ban_state", state ?? "(none)"));
                }

                return new BanWebhook(digest, state);
            case { } e when MetaAccountEvents.Parse(e) is not null:
                var detail = value.Child("violation_info")?.Text("violation_type")
                    ?? value.Child("disconnection_info")?.Text("reason");
                return new AccountEventWebhook(digest, e, detail);
            case { } e when Informational.Contains(e):
                skipped = $"account_update event '{e}' is informational";
                return null;
            default:
                unknown.Add(new UnknownValue("event", kind ?? "(none)"));
                skipped = $"account_update event '{kind}' is not known";
                return null;
        }
    }
}

/// <summary>A value Meta sent that the service does not know: its kind (<c>restriction_type</c>, <c>event</c>, …) and the value.</summary>
public sealed record UnknownValue(string What, string Value);
