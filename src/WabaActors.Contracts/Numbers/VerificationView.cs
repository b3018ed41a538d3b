namespace WabaActors.Contracts.Numbers;

[GenerateSerializer, Immutable, Alias("waba.VerificationView")]
public sealed record VerificationView([property: Id(0)] string Method, [property: Id(1)] DateTimeOffset? CodeExpiresAt, [property: Id(2)] int? AttemptsLeft);
