namespace WabaActors.Domain.Onboarding;

/// <summary>Step 2: the Meta Business Manager instance and the company's details there.</summary>
public sealed record BusinessManagerDetails(string BusinessManagerId, string OfficialName, string Website);
