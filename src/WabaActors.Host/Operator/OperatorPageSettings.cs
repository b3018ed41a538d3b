namespace WabaActors.Host.Operator;

/// <summary>
/// The operator page (section <c>WabaActors:OperatorPage</c>): static HTML, script and style with no
/// data of their own; what they show comes from the JSON API with the key the operator enters.
/// </summary>
public sealed class OperatorPageSettings
{
    public const string Section = "WabaActors:OperatorPage";

    public bool Enabled { get; set; } = true;
}
