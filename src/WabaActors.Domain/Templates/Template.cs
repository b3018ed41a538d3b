namespace WabaActors.Domain.Templates;

/// <summary>
/// One template of an account's registry: its category (when known), status, the end of a pause (when
/// known), when it last changed, and the status an archive hid (restored by Meta's UNARCHIVED).
/// </summary>
public sealed record Template(string Name, string Language, TemplateCategory? Category, TemplateStatus Status, DateTimeOffset UpdatedAt)
{
    public DateTimeOffset? PausedUntil { get; init; }

    public TemplateStatus? BeforeArchive { get; init; }

    public TemplateName Key => new(Name, Language);

    /// <summary>Whether a send naming this template goes out at <paramref name="now"/>: approved, flagged, or a pause that has ended.</summary>
    public bool SendableAt(DateTimeOffset now) => Status switch
    {
        TemplateStatus.Approved or TemplateStatus.Flagged => true,
        TemplateStatus.Paused => PausedUntil is { } end && end <= now,
        _ => false,
    };
}
