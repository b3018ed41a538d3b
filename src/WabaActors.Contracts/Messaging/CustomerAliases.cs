namespace WabaActors.Contracts.Messaging;

/// <summary>
/// A directory's answer about one customer: the person's other ids (text as received; empty when none), and
/// how many ids the directory links at all, so that a number can stop asking a directory that holds no link.
/// </summary>
[GenerateSerializer, Immutable, Alias("waba.CustomerAliases")]
public sealed record CustomerAliases([property: Id(0)] IReadOnlyList<string> Aliases, [property: Id(1)] int LinkedIds);
