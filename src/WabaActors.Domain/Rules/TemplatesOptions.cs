namespace WabaActors.Domain.Rules;

/// <summary><c>WabaActors:Templates</c>: whether a permit naming a template the registry does not hold is denied (<c>template_unknown</c>). Default false.</summary>
public sealed class TemplatesOptions
{
    public const string Section = "WabaActors:Templates";

    public bool? RequireKnown { get; set; }
}
