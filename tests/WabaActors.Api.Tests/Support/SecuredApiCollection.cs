namespace WabaActors.Api.Tests.Support;

[CollectionDefinition(Name)]
public sealed class SecuredApiCollection : ICollectionFixture<SecuredApiFixture>
{
    public const string Name = "secured api";
}
