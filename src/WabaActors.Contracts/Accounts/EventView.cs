namespace WabaActors.Contracts.Accounts;

/// <summary>One entry of the account's history; <c>id</c> is the cursor to pass as <c>after</c>.</summary>
[GenerateSerializer, Immutable, Alias("waba.EventView")]
public sealed record EventView([property: Id(0)] string Id, [property: Id(1)] string Type, [property: Id(2)] DateTimeOffset At)
{
    [Id(3)] public string? Phone { get; init; }
    [Id(4)] public string? Value { get; init; }
    [Id(5)] public string? Reason { get; init; }
}
