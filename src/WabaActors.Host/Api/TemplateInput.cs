using WabaActors.Contracts.Common;
using WabaActors.Contracts.Templates;
using WabaActors.Domain.Common;
using WabaActors.Domain.Templates;
using TemplateCategory = WabaActors.Contracts.Templates.TemplateCategory;
using TemplateStatus = WabaActors.Contracts.Templates.TemplateStatus;

namespace WabaActors.Host.Api;

/// <summary>
/// Templates as the HTTP bodies give them: the closed sets <c>category</c> and <c>status</c> (the tables the
/// OpenAPI document lists too), a template's name and language checked by the domain's
/// <see cref="TemplateName.Parse"/>, and every invalid field named at once.
/// </summary>
internal static class TemplateInput
{
    /// <summary><c>category</c> of a template or a permit.</summary>
    public static IReadOnlyDictionary<string, TemplateCategory> Categories { get; } = MessagingInput.Closed<TemplateCategory>();

    /// <summary><c>status</c> of a template.</summary>
    public static IReadOnlyDictionary<string, TemplateStatus> Statuses { get; } = MessagingInput.Closed<TemplateStatus>();

    /// <summary>The update of <c>PUT …/templates/{name}/{language}</c>, or null with the failure naming every bad field.</summary>
    public static TemplateUpdate? Read(string name, string language, TemplateBody body, out Failure? invalid)
    {
        var v = new Validator();
        TemplateName.Check(v, name, language);
        var (known, category) = MessagingInput.Optional(Categories, body.Category);
        v.Check(known, "category", $"category must be {MessagingInput.Words(Categories)} (left out when not known).");
        TemplateStatus? status = body.Status is { } text && Statuses.TryGetValue(text, out var s) ? s : null;
        v.Check(status is not null, "status", $"status must be {MessagingInput.Words(Statuses)}.");
        invalid = v.IsValid ? null : MessagingInput.Failure(v);
        return invalid is null ? new TemplateUpdate(new TemplateRef(name, language), category, status!.Value, body.PausedUntil) : null;
    }

    /// <summary>A permit's template: (true, null) when none is named, (true, it) when valid, (false, null) when not.</summary>
    public static (bool Valid, TemplateRef? Template) Ref(TemplateRefBody? body) =>
        body is null ? (true, null)
        : TemplateName.Parse(body.Name, body.Language).IsSuccess ? (true, new TemplateRef(body.Name!, body.Language!)) : (false, null);

    /// <summary>A permit's <c>template</c> (<c>template.name</c>, <c>template.language</c>) and <c>category</c>.</summary>
    public static void Check(Validator v, TemplateRefBody? template, string? category)
    {
        if (template is not null)
        {
            TemplateName.Check(v, template.Name, template.Language, "template.");
        }

        v.Check(category is null || Categories.ContainsKey(category), "category",
            $"category must be {MessagingInput.Words(Categories)} (left out when not known; the registry's category wins).");
    }
}
