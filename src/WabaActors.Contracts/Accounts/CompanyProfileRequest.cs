namespace WabaActors.Contracts.Accounts;

[GenerateSerializer, Immutable, Alias("waba.CompanyProfileRequest")]
public sealed record CompanyProfileRequest(
    [property: Id(0)] string? OfficialName,
    [property: Id(1)] string? IndustryCategory,
    [property: Id(2)] string? Description);
