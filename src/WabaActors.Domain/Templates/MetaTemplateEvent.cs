using WabaActors.Domain.Common;

namespace WabaActors.Domain.Templates;

/// <summary>
/// Meta's template webhooks read into the registry: <c>message_template_status_update</c>'s <c>event</c>
/// (with <c>other_info.title</c> for pauses) and <c>template_category_update</c>'s <c>new_category</c>.
/// Words are read in any case; an event that changes nothing a send depends on (LIMIT_EXCEEDED, LOCKED) is
/// informational; an unknown word is an error, so the caller logs and counts it and changes nothing.
/// </summary>
public static class MetaTemplateEvent
{
    /// <summary>Meta pauses a template for 3 h the first time and 6 h the second (the third disables it).</summary>
    public static readonly TimeSpan FirstPause = TimeSpan.FromHours(3);

    public static readonly TimeSpan SecondPause = TimeSpan.FromHours(6);

    private static readonly HashSet<string> Informational = new(StringComparer.Ordinal) { "LIMIT_EXCEEDED", "LOCKED" };

    public static bool IsInformational(string? word) => word is not null && Informational.Contains(Upper(word));

    /// <summary>A category word (MARKETING, UTILITY, AUTHENTICATION, any case); null when absent or unknown.</summary>
    public static TemplateCategory? Category(string? word) => word is null ? null : Upper(word) switch
    {
        "MARKETING" => TemplateCategory.Marketing,
        "UTILITY" => TemplateCategory.Utility,
        "AUTHENTICATION" => TemplateCategory.Authentication,
        _ => null,
    };

    /// <summary>
    /// The template after Meta's status <paramref name="word"/> at <paramref name="at"/>; null for an
    /// informational event; an error for an unknown word.
    /// </summary>
    public static Result<Template?> Apply(Template? current, TemplateName name, string? word, string? category, string? pauseTitle, DateTimeOffset at)
    {
        var kept = Category(category) ?? current?.Category;
        var status = Upper(word ?? "") switch
        {
            "APPROVED" or "REINSTATED" => TemplateStatus.Approved,
            "PENDING" or "IN_APPEAL" => TemplateStatus.Pending,
            "REJECTED" => TemplateStatus.Rejected,
            "PAUSED" => TemplateStatus.Paused,
            "DISABLED" => TemplateStatus.Disabled,
            "FLAGGED" => TemplateStatus.Flagged,
            "PENDING_DELETION" or "DELETED" => TemplateStatus.Deleted,
            "ARCHIVED" => TemplateStatus.Archived,
            // Restored to the status the archive hid; a template not archived keeps its own (never made sendable by it).
            "UNARCHIVED" => current is { Status: TemplateStatus.Archived } ? current.BeforeArchive ?? TemplateStatus.Approved : current?.Status ?? TemplateStatus.Approved,
            _ => (TemplateStatus?)null,
        };

        if (status is null)
        {
            return IsInformational(word)
                ? (Template?)null
                : new DomainError(ErrorCodes.ValidationFailed, $"Unknown template event '{word}'.");
        }

        var next = new Template(name.Name, name.Language, kept, status.Value, at)
        {
            PausedUntil = status == TemplateStatus.Paused ? PauseEnd(pauseTitle, at) : null,
            BeforeArchive = status == TemplateStatus.Archived ? current?.Status is TemplateStatus.Archived ? current.BeforeArchive : current?.Status : null,
        };
        return next;
    }

    /// <summary>The end of a pause: 3 h after the first, 6 h after the second; unknown (null) otherwise.</summary>
    public static DateTimeOffset? PauseEnd(string? title, DateTimeOffset at) => Upper(title ?? "") switch
    {
        "FIRST_PAUSE" => at + FirstPause,
        "SECOND_PAUSE" => at + SecondPause,
        _ => null,
    };

    private static string Upper(string word) => word.Trim().ToUpperInvariant();
}
