using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Templates;

namespace WabaActors.Domain.Onboarding;

/// <summary>
/// The account's template registry (set over HTTP or by Meta's template webhooks) and the numbers Meta moved
/// to the higher throughput. A change that moves nothing adds no history entry.
/// </summary>
public sealed partial record Account
{
    /// <summary>At most this many templates per account (Meta allows 250, or 6,000 for a verified business).</summary>
    public const int MaxTemplates = 10_000;

    public IReadOnlyList<Template> Templates { get; init; } = [];

    /// <summary>Numbers Meta upgraded to the higher throughput (<c>THROUGHPUT_UPGRADE</c>), by digits.</summary>
    public IReadOnlyList<string> ThroughputUpgraded { get; init; } = [];

    public Template? FindTemplate(TemplateName name) => Templates.FirstOrDefault(t => t.Key == name);

    /// <summary>An HTTP <c>PUT</c>: the template becomes exactly what is given (a paused template's end only when paused).</summary>
    public Result<Changed<Account>> SetTemplate(TemplateName name, TemplateCategory? category, TemplateStatus status, DateTimeOffset? pausedUntil, DateTimeOffset now)
    {
        if (pausedUntil is not null && status != TemplateStatus.Paused)
        {
            return new Validator().Add("pausedUntil", "pausedUntil is given only with status 'paused'.").ToError();
        }

        var current = FindTemplate(name);
        var next = new Template(name.Name, name.Language, category ?? current?.Category, status, now)
        {
            PausedUntil = pausedUntil,

            // An archive keeps the status it hid (Meta's UNARCHIVED restores it), whichever way it was archived.
            BeforeArchive = status != TemplateStatus.Archived ? null
                : current?.Status == TemplateStatus.Archived ? current.BeforeArchive : current?.Status,
        };
        return Keep(current, next, now);
    }

    /// <summary>Meta's <c>message_template_status_update</c>; an unknown event is an error and changes nothing.</summary>
    public Result<Changed<Account>> ApplyMetaTemplate(TemplateName name, string? word, string? category, string? pauseTitle, DateTimeOffset at, DateTimeOffset now)
    {
        var current = FindTemplate(name);
        var applied = MetaTemplateEvent.Apply(current, name, word, category, pauseTitle, at);
        if (!applied.IsSuccess)
        {
            return applied.Error!;
        }

        return applied.Value is { } next ? Keep(current, next with { UpdatedAt = now }, now) : Changed<Account>.Unchanged(this);
    }

    /// <summary>
    /// Meta's <c>template_category_update</c>: a held template's category becomes <paramref name="category"/> (an unknown
    /// word is an error); a template not held changes nothing.
    /// </summary>
    public Result<Changed<Account>> RecategorizeTemplate(TemplateName name, string? category, DateTimeOffset now)
    {
        if (MetaTemplateEvent.Category(category) is not { } parsed)
        {
            return new DomainError(ErrorCodes.ValidationFailed, $"Unknown template category '{category}'.");
        }

        // A template not held here is not added: its status is unknown (Meta's status update carries the category too),
        // and adding it as approved would make it sendable under WabaActors:Templates:RequireKnown.
        return FindTemplate(name) is { } current
            ? Keep(current, current with { Category = parsed, UpdatedAt = now }, now)
            : Changed<Account>.Unchanged(this);
    }

    /// <summary>Meta's <c>phone_number_quality_update</c> <c>THROUGHPUT_UPGRADE</c> for a number of this account.</summary>
    public Changed<Account> UpgradeThroughput(string phone, DateTimeOffset now) =>
        ThroughputUpgraded.Contains(phone) || Numbers.All(n => n.Phone != phone)
            ? Changed<Account>.Unchanged(this)
            : new Changed<Account>(this with { ThroughputUpgraded = [.. ThroughputUpgraded, phone] },
                [new AccountEvent(AccountEventTypes.ThroughputUpgraded, now) { Phone = phone }]);

    private Result<Changed<Account>> Keep(Template? current, Template next, DateTimeOffset now)
    {
        if (current is not null && current with { UpdatedAt = next.UpdatedAt } == next)
        {
            return Changed<Account>.Unchanged(this);
        }

        if (current is null && Templates.Count >= MaxTemplates)
        {
            return new Validator().Add("name", $"An account holds at most {MaxTemplates} templates.").ToError();
        }

        var templates = Templates.Where(t => t.Key != next.Key).Append(next)
            .OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Language, StringComparer.Ordinal).ToList();
        var entry = new AccountEvent(AccountEventTypes.TemplateChanged, now)
        {
            Value = $"{next.Key} {next.Status.ToString().ToLowerInvariant()}",
            Reason = next.Category?.ToString().ToLowerInvariant(),
        };
        return new Changed<Account>(this with { Templates = templates }, [entry]);
    }
}
