namespace WabaActors.Contracts.Accounts;

[GenerateSerializer, Immutable, Alias("waba.BusinessVerificationView")]
public sealed record BusinessVerificationView([property: Id(0)] string Status);
