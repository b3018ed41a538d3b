namespace WabaActors.Domain.Onboarding;

/// <summary>Step 3: the company profile.</summary>
public sealed record CompanyProfile(string OfficialName, string IndustryCategory, string Description);
