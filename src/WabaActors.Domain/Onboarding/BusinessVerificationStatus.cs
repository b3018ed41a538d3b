namespace WabaActors.Domain.Onboarding;

public enum BusinessVerificationStatus
{
    NotStarted,
    Submitted,
    Verified,
    Rejected,
}
