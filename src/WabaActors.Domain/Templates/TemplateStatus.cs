namespace WabaActors.Domain.Templates;

/// <summary>
/// A template's status in the account's registry. <see cref="Approved"/> and <see cref="Flagged"/> (at risk,
/// still sendable: Meta does not say it blocks) send; <see cref="Paused"/> waits for the pause's end; every
/// other status is not approved.
/// </summary>
public enum TemplateStatus : byte
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
