namespace WabaActors.Contracts.Numbers;

/// <summary>A number of an account; <c>phone</c> is E.164 without the <c>+</c>.</summary>
[GenerateSerializer, Immutable, Alias("waba.NumberView")]
public sealed record NumberView(
    [property: Id(0)] string Phone,
    [property: Id(1)] string Status,
    [property: Id(2)] VerificationView Verification,
    [property: Id(3)] DateTimeOffset? RegisteredAt,
    [property: Id(4)] DateTimeOffset? BillingStartedAt,
    [property: Id(5)] DisplayNameView DisplayName);
