namespace WabaActors.Api.Tests.Support;

/// <summary>All API tests share one host: its silo owns fixed resources, and tests in one collection run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
