namespace WabaActors.Domain.Onboarding;

public enum StepStatus
{
    Pending,
    AwaitingEmailConfirmation,
    Done,
}
