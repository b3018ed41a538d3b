using System.Text.Json;
using WabaActors.Contracts.Webhooks;

namespace WabaActors.Host.Webhooks;

/// <summary>The account-level fields (api.md "Webhook mapping") → the account grain's webhook changes, Meta's values kept as sent.</summary>
public static class AccountChangeReader
{
    public const string Review = "account_review_update";
    public const string DisplayName = "phone_number_name_update";
    public const string AccountUpdate = "account_update";
    public const string Capability = "business_capability_update";

    public static bool Handles(string field) => field is Review or DisplayName or AccountUpdate or Capability;

    /// <summary>The change to apply; null, with why, when the value carries nothing the service applies.</summary>
    public static AccountWebhook? Read(string field, JsonElement value, string digest, out string? skipped)
    {
        skipped = null;
        switch (field)
        {
            case Review:
                return new ReviewWebhook(digest, value.Text("decision"));
            case DisplayName:
                var phone = MetaJson.Digits(value.Text("display_phone_number"));
                if (phone.Length == 0)
                {
                    skipped = "display_phone_number is missing";
                    return null;
                }

                return new DisplayNameWebhook(digest, phone, value.Text("decision"), value.Text("rejection_reason"));
            case AccountUpdate:
                return AccountUpdateChange(value, digest, out skipped);
            case Capability:
                var templates = value.Text("max_daily_conversations_per_business");
                var numbers = value.Text("max_phone_numbers_per_waba") ?? value.Text("max_phone_numbers_per_business");
                if (templates is null && numbers is null)
                {
                    skipped = "no limit this service applies";
                    return null;
                }

                return new CapabilityWebhook(digest, templates, numbers);
            default:
                throw new ArgumentException($"{field} is not an account field.", nameof(field));
        }
    }

    private static AccountWebhook? AccountUpdateChange(JsonElement value, string digest, out string? skipped)
    {
        skipped = null;
        var kind = value.Text("event");
        switch (kind)
        {
            case "ACCOUNT_RESTRICTION":
                return new RestrictionWebhook(digest,
                [
                    .. value.Items("restriction_info").Select(r => new RestrictionNotice(r.Text("restriction_type"), MetaJson.Instant(r.Text("expiration")))),
                ]);
            case "DISABLED_UPDATE":
                var ban = value.Child("ban_info") ?? default;
                var state = ban.Text("waba_ban_state")
                    ?? ban.Items("waba_ban_state").Select(MetaJson.Text).FirstOrDefault(s => s is not null);
                return new BanWebhook(digest, state);
            default:
                skipped = $"account_update event '{kind}' is not handled";
                return null;
        }
    }
}
