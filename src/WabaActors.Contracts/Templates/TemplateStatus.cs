namespace WabaActors.Contracts.Templates;

/// <summary>A template's status in the account's registry (the domain's <c>TemplateStatus</c>); only approved and flagged send.</summary>
[GenerateSerializer, Alias("waba.TemplateStatus")]
public enum TemplateStatus
{
    Approved,
    Pending,
    Rejected,
    Paused,
    Disabled,
    Flagged,
    Deleted,
    Archived,
}
