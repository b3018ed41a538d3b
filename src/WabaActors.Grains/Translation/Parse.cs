using WabaActors.Domain.Onboarding;

namespace WabaActors.Grains.Translation;

/// <summary>The contract's lower snake case values → domain enums; null when unknown.</summary>
internal static class Parse
{
    public static ReviewDecision? Decision(string? value) => value switch
    {
        "approved" => ReviewDecision.Approved,
        "rejected" => ReviewDecision.Rejected,
        _ => null,
    };

    public static BusinessVerificationStatus? BusinessVerification(string? value) => value switch
    {
        "submitted" => BusinessVerificationStatus.Submitted,
        "verified" => BusinessVerificationStatus.Verified,
        "rejected" => BusinessVerificationStatus.Rejected,
        _ => null,
    };
}
