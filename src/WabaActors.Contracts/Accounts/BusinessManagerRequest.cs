namespace WabaActors.Contracts.Accounts;

[GenerateSerializer, Immutable, Alias("waba.BusinessManagerRequest")]
public sealed record BusinessManagerRequest(
    [property: Id(0)] string? BusinessManagerId,
    [property: Id(1)] bool? IsAdmin,
    [property: Id(2)] string? OfficialName,
    [property: Id(3)] string? Website);
