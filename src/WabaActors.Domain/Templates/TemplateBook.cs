using WabaActors.Domain.Messaging;

namespace WabaActors.Domain.Templates;

/// <summary>
/// An account's templates by name and language, as a number decides on them: built once per gate change,
/// read on every permit that names a template. <see cref="Check"/> is the one home of the template rules.
/// </summary>
public sealed class TemplateBook
{
    private readonly Dictionary<TemplateName, Template> _templates;

    public TemplateBook(IEnumerable<Template> templates) =>
        _templates = templates.ToDictionary(t => t.Key);

    public static TemplateBook Empty { get; } = new([]);

    public int Count => _templates.Count;

    public Template? Find(TemplateName name) => _templates.GetValueOrDefault(name);

    /// <summary>
    /// The denial of a send naming <paramref name="named"/>, or null when the template may go (or none is
    /// named): <c>template_paused</c> until the pause's end, <c>template_not_approved</c> for any status that
    /// does not send, and <c>template_unknown</c> for a template not held when the registry must know it.
    /// <paramref name="category"/> is the registry's category of the template, when it knows one.
    /// </summary>
    public SendDecision? Check(TemplateName? named, bool requireKnown, DateTimeOffset now, out TemplateCategory? category)
    {
        category = null;
        if (named is not { } name)
        {
            return null;
        }

        if (Find(name) is not { } template)
        {
            return requireKnown
                ? SendDecision.Deny(DenyReason.TemplateUnknown, $"The template {name} is not in the account's registry.")
                : null;
        }

        category = template.Category;
        if (template.SendableAt(now))
        {
            return null;
        }

        return template.Status == TemplateStatus.Paused
            ? SendDecision.Deny(DenyReason.TemplatePaused,
                $"Meta paused the template {name} for low quality" + (template.PausedUntil is null ? " until it unpauses." : "."),
                template.PausedUntil)
            : SendDecision.Deny(DenyReason.TemplateNotApproved,
                $"The template {name} is {template.Status.ToString().ToLowerInvariant()}: only approved templates send.");
    }
}
