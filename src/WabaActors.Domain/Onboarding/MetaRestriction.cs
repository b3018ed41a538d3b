namespace WabaActors.Domain.Onboarding;

/// <summary>
/// One entry of Meta's <c>account_update</c> ACCOUNT_RESTRICTION <c>restriction_info[]</c>: its
/// <c>restriction_type</c> and <c>expiration</c> as Meta sent them (either may be missing).
/// </summary>
public sealed record MetaRestriction(string? Type, DateTimeOffset? Expiration)
{
    public const string BusinessInitiated = "RESTRICTED_BIZ_INITIATED_MESSAGING";
    public const string CustomerInitiated = "RESTRICTED_CUSTOMER_INITIATED_MESSAGING";
    public const string AddPhoneNumber = "RESTRICTED_ADD_PHONE_NUMBER_ACTION";

    /// <summary>A type the rules enforce (the others are ignored).</summary>
    public bool IsKnown => Type is BusinessInitiated or CustomerInitiated or AddPhoneNumber;
}
