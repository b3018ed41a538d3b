namespace WabaActors.Domain.Tests.Properties;

/// <summary>A generated run: a small template-recipient limit and the operations, over a small customer pool.</summary>
public sealed record Scenario(int Limit, IReadOnlyList<Op> Ops)
{
    public const int Pool = 6;

    public override string ToString() => $"limit {Limit}: {string.Join("; ", Ops)}";
}
