namespace WabaActors.Domain.Tests.Properties;

/// <summary>A generated run: the rule profile, a small template-recipient limit and the operations, over a small customer pool.</summary>
public sealed record Scenario(bool Meta, int Limit, IReadOnlyList<Op> Ops)
{
    public const int Pool = 6;

    public override string ToString() => $"{(Meta ? "meta" : "document")} limit {Limit}: {string.Join("; ", Ops)}";
}
