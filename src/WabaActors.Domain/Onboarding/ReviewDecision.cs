namespace WabaActors.Domain.Onboarding;

public enum ReviewDecision
{
    Approved,
    Rejected,
}
