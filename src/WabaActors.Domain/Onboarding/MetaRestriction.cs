namespace WabaActors.Domain.Onboarding;

/// <summary>What a <c>restriction_type</c> means to the rules.</summary>
public enum RestrictionKind
{
    /// <summary>Templates outside the window are denied (<c>restricted_business_initiated</c>).</summary>
    BusinessInitiated,

    /// <summary>Replies are denied (<c>restricted_customer_initiated</c>).</summary>
    CustomerInitiated,

    /// <summary>Adding numbers is refused (<c>number_addition_restricted</c>).</summary>
    AddPhoneNumber,

    /// <summary>A type Meta documents that these rules do not enforce (utility templates, calling): kept in the history.</summary>
    NotEnforced,

    /// <summary>A type Meta has not documented: kept in the history, logged and counted by the host.</summary>
    Unknown,
}

/// <summary>
/// One entry of Meta's <c>account_update</c> ACCOUNT_RESTRICTION <c>restriction_info[]</c>: its
/// <c>restriction_type</c> and <c>expiration</c> as Meta sent them (either may be missing).
/// </summary>
public sealed record MetaRestriction(string? Type, DateTimeOffset? Expiration)
{
    public const string BusinessInitiated = "RESTRICTED_BIZ_INITIATED_MESSAGING";
    public const string CustomerInitiated = "RESTRICTED_CUSTOMER_INITIATED_MESSAGING";
    public const string AddPhoneNumber = "RESTRICTED_ADD_PHONE_NUMBER_ACTION";

    // Documented by Meta's account_update reference, not enforced by these rules.
    private static readonly HashSet<string> NotEnforced = new(StringComparer.Ordinal)
    {
        "RESTRICTED_DIRECT_SEND_UTILITY_TEMPLATES",
        "RESTRICTED_UTILITY_TEMPLATES",
        "RESTRICTED_BUSINESS_INITIATED_CALLING",
        "RESTRICTED_USER_INITIATED_CALLING",
        "RESTRICTED_BIZ_INITIATED_AND_USER_INITIATED_CALLING",
        "RESTRICTED_USER_INITIATED_CALLING_CALL_BUTTON_HIDDEN",
    };

    /// <summary>
    /// The type in Meta's current spelling: upper case, and the older spellings of its
    /// policy-violation guide (<c>RESTRICTION_ON_ADD_PHONE_NUMBER_ACTION</c>, <c>RESTRICTION_ON_…</c>)
    /// and the long form <c>BUSINESS_INITIATED</c> read as <c>RESTRICTED_…</c> / <c>BIZ_INITIATED</c>.
    /// </summary>
    public static string? Normalize(string? type)
    {
        var t = type?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(t))
        {
            return null;
        }

        if (t.StartsWith("RESTRICTION_ON_", StringComparison.Ordinal))
        {
            t = "RESTRICTED_" + t["RESTRICTION_ON_".Length..];
        }

        return t == "RESTRICTED_BUSINESS_INITIATED_MESSAGING" ? BusinessInitiated : t;
    }

    public static RestrictionKind Classify(string? type) => Normalize(type) switch
    {
        BusinessInitiated => RestrictionKind.BusinessInitiated,
        CustomerInitiated => RestrictionKind.CustomerInitiated,
        AddPhoneNumber => RestrictionKind.AddPhoneNumber,
        { } t when NotEnforced.Contains(t) => RestrictionKind.NotEnforced,
        _ => RestrictionKind.Unknown,
    };

    public RestrictionKind Kind => Classify(Type);

    /// <summary>A type the rules enforce (the others are recorded in the history only).</summary>
    public bool IsKnown => Kind is RestrictionKind.BusinessInitiated or RestrictionKind.CustomerInitiated or RestrictionKind.AddPhoneNumber;
}
