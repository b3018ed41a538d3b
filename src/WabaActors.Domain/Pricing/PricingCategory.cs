namespace WabaActors.Domain.Pricing;

/// <summary>What Meta prices an allowed send as. Stored in a grant's pricing code: the values never change.</summary>
public enum PricingCategory : byte
{
    Service = 1,
    Marketing = 2,
    Utility = 3,
    Authentication = 4,

    /// <summary>A template of unknown category: assumed billable.</summary>
    Unknown = 5,
}

/// <summary>Why an allowed send is free (<see cref="None"/>: billable). Stored in a grant's pricing code: the values never change.</summary>
public enum FreeReason : byte
{
    None = 0,
    CustomerServiceWindow = 1,
    FreeEntryPoint = 2,
    MonthlyAllowance = 3,
}
