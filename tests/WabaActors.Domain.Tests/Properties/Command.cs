namespace WabaActors.Domain.Tests.Properties;

/// <summary>
/// A generated operation resolved to plain values (absolute instants, customer ids, message ids),
/// so that the domain and the reference model are fed exactly the same input.
/// </summary>
public abstract record Command(DateTimeOffset Now, long Customer)
{
    public sealed record Inbound(DateTimeOffset Now, long Customer, DateTimeOffset Timestamp) : Command(Now, Customer);

    public sealed record Permit(DateTimeOffset Now, long Customer, string MessageId, bool Template) : Command(Now, Customer);

    public sealed record Close(DateTimeOffset Now, long Customer, DateTimeOffset At) : Command(Now, Customer);

    /// <summary>The customer ids of the pool, as the commands carry them.</summary>
    public static long CustomerOf(int index) => 420_700_000_000 + index;
}
