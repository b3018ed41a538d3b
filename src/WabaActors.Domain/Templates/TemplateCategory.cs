namespace WabaActors.Domain.Templates;

/// <summary>A template's category: what Meta prices it as, and whether the marketing rules (opt-outs, the per-user limit) apply.</summary>
public enum TemplateCategory : byte
{
    Marketing = 1,
    Utility = 2,
    Authentication = 3,
}
