namespace WabaActors.Api.Tests.Support;

/// <summary>A host with API keys configured (<see cref="Keys"/>); <see cref="HostFixture.Api"/> holds the operator key.</summary>
public sealed class SecuredApiFixture : HostFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => Keys.Settings();

    protected override string? ReadyKey => Keys.Operator;
}
