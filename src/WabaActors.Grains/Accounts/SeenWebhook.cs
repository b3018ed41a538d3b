namespace WabaActors.Grains.Accounts;

/// <summary>A webhook change the account applied: its digest and when.</summary>
[GenerateSerializer, Immutable, Alias("waba.SeenWebhook")]
public sealed record SeenWebhook([property: Id(0)] string Digest, [property: Id(1)] DateTimeOffset At);
