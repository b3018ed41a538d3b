namespace WabaActors.Domain.Onboarding;

public enum ReviewStatus
{
    Pending,
    Approved,
    Rejected,
}
