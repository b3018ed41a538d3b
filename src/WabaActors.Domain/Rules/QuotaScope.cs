namespace WabaActors.Domain.Rules;

/// <summary>Who shares a limit: each WABA alone (the source document) or the whole Meta business portfolio (Meta since Oct 2025).</summary>
public enum QuotaScope
{
    Account,
    Portfolio,
}
