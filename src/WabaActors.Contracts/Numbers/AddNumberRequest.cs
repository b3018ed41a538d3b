namespace WabaActors.Contracts.Numbers;

/// <summary>Step 4: the number, the verification method (<c>sms</c>|<c>voice</c>) and the attestations.</summary>
[GenerateSerializer, Immutable, Alias("waba.AddNumberRequest")]
public sealed record AddNumberRequest(
    [property: Id(0)] string PhoneNumber,
    [property: Id(1)] string? VerificationMethod,
    [property: Id(2)] bool? InUseInWhatsAppApp,
    [property: Id(3)] bool? IvrDisabled);
