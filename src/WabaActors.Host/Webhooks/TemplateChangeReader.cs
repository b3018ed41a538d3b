using System.Text.Json;
using WabaActors.Contracts.Webhooks;
using WabaActors.Domain.Templates;

namespace WabaActors.Host.Webhooks;

/// <summary>
/// <c>message_template_status_update</c> and <c>template_category_update</c> → <see cref="TemplateWebhook"/> for the
/// account's registry, Meta's words kept as sent (any case). An event the registry does not know, or a category
/// that is none of MARKETING, UTILITY, AUTHENTICATION, is reported in <c>unknown</c>; LIMIT_EXCEEDED and LOCKED
/// change nothing a send depends on and are skipped. A category change is applied in its completed form
/// (<c>previous_category</c> → <c>new_category</c>); the impending notice (<c>correct_category</c> and
/// <c>category_update_timestamp</c>, no <c>previous_category</c>) names the current category as
/// <c>new_category</c> and is skipped: the completed change follows when the category really changes.
/// </summary>
internal static class TemplateChangeReader
{
    public const string StatusUpdate = "message_template_status_update";
    public const string CategoryUpdate = "template_category_update";

    public static bool Handles(string field) => field is StatusUpdate or CategoryUpdate;

    public static TemplateWebhook? Read(string field, JsonElement value, string digest, DateTimeOffset? at, out string? skipped, List<UnknownValue> unknown)
    {
        skipped = null;
        var (name, language) = (value.Id("message_template_name"), value.Id("message_template_language"));
        if (!TemplateName.Parse(name, language).IsSuccess)
        {
            skipped = "message_template_name or message_template_language is missing or not a template's";
            return null;
        }

        return field == StatusUpdate
            ? Status(value, digest, name!, language!, at, out skipped, unknown)
            : Category(value, digest, name!, language!, at, out skipped, unknown);
    }

    private static TemplateWebhook? Status(JsonElement value, string digest, string name, string language, DateTimeOffset? at, out string? skipped, List<UnknownValue> unknown)
    {
        skipped = null;
        var word = value.Id("event");
        if (MetaTemplateEvent.IsInformational(word))
        {
            skipped = $"template event '{word}' is informational";
            return null;
        }

        // The domain's reading is the one list of events: an event it cannot apply is unknown.
        if (!MetaTemplateEvent.Apply(null, new TemplateName(name, language), word, null, null, DateTimeOffset.UnixEpoch).IsSuccess)
        {
            unknown.Add(new UnknownValue("template_event", word ?? "(none)"));
            skipped = $"template event '{word}' is not known";
            return null;
        }

        var category = value.Id("message_template_category");
        if (category is not null && MetaTemplateEvent.Category(category) is null)
        {
            unknown.Add(new UnknownValue("template_category", category));
            category = null;
        }

        return new TemplateWebhook(digest, name, language, word, category, at) { PauseTitle = (value.Child("other_info") ?? default).Id("title") };
    }

    private static TemplateWebhook? Category(JsonElement value, string digest, string name, string language, DateTimeOffset? at, out string? skipped, List<UnknownValue> unknown)
    {
        skipped = null;
        if (value.Id("previous_category") is null && value.Id("correct_category") is not null)
        {
            skipped = "an impending category change (correct_category) changes nothing until Meta sends the completed change";
            return null;
        }

        var category = value.Id("new_category");
        if (MetaTemplateEvent.Category(category) is null)
        {
            unknown.Add(new UnknownValue("template_category", category ?? "(none)"));
            skipped = $"new_category '{category}' is not known";
            return null;
        }

        return new TemplateWebhook(digest, name, language, null, category, at);
    }
}
