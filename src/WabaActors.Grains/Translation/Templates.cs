using WabaActors.Contracts.Templates;
using WabaActors.Domain.Templates;
using DomainCategory = WabaActors.Domain.Templates.TemplateCategory;
using DomainStatus = WabaActors.Domain.Templates.TemplateStatus;

namespace WabaActors.Grains.Translation;

/// <summary>Templates between the domain and the contracts (by-value tables: the enums never change meaning).</summary>
internal static class Templates
{
    private static readonly DomainCategory[] Categories = [DomainCategory.Marketing, DomainCategory.Utility, DomainCategory.Authentication];

    private static readonly DomainStatus[] Statuses =
    [
        DomainStatus.Approved, DomainStatus.Pending, DomainStatus.Rejected, DomainStatus.Paused,
        DomainStatus.Disabled, DomainStatus.Flagged, DomainStatus.Deleted, DomainStatus.Archived,
    ];

    public static DomainCategory ToDomain(this Contracts.Templates.TemplateCategory c) => Categories[(int)c];

    public static Contracts.Templates.TemplateCategory ToContract(this DomainCategory c) =>
        (Contracts.Templates.TemplateCategory)Array.IndexOf(Categories, c);

    public static DomainStatus ToDomain(this Contracts.Templates.TemplateStatus s) => Statuses[(int)s];

    public static Contracts.Templates.TemplateStatus ToContract(this DomainStatus s) =>
        (Contracts.Templates.TemplateStatus)Array.IndexOf(Statuses, s);

    public static bool IsDefined(this Contracts.Templates.TemplateCategory c) => (uint)c < (uint)Categories.Length;

    public static bool IsDefined(this Contracts.Templates.TemplateStatus s) => (uint)s < (uint)Statuses.Length;

    public static TemplateView ToView(this Template t, DateTimeOffset now) =>
        new(t.Name, t.Language, t.Category?.ToContract(), t.Status.ToContract(), t.PausedUntil, t.UpdatedAt, t.SendableAt(now));

    /// <summary>A template as the gate carries it (what a number decides on; <c>Sendable</c> there is only informational).</summary>
    public static Template ToDomain(this TemplateView v) =>
        new(v.Name, v.Language, v.Category?.ToDomain(), v.Status.ToDomain(), v.UpdatedAt) { PausedUntil = v.PausedUntil };
}
