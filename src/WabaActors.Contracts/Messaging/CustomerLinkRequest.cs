namespace WabaActors.Contracts.Messaging;

/// <summary>
/// Two ids of one person (a phone and a BSUID, a BSUID and its parent, or an old and a new id after
/// Meta's change message), as received: each a phone or a BSUID.
/// </summary>
[GenerateSerializer, Immutable, Alias("waba.CustomerLinkRequest")]
public sealed record CustomerLinkRequest([property: Id(0)] string Customer, [property: Id(1)] string Partner);
