namespace WabaActors.Domain.Onboarding;

/// <summary>The four registration steps of the source document, in the order they must run.</summary>
public enum OnboardingStep
{
    UserAccount = 1,
    BusinessManager = 2,
    CompanyProfile = 3,
    PhoneNumbers = 4,
}
