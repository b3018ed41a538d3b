namespace WabaActors.Contracts.Templates;

/// <summary>A template's category as Meta prices and limits it (the domain's <c>TemplateCategory</c>).</summary>
[GenerateSerializer, Alias("waba.TemplateCategory")]
public enum TemplateCategory
{
    Marketing,
    Utility,
    Authentication,
}
