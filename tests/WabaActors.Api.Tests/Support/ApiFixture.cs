namespace WabaActors.Api.Tests.Support;

/// <summary>One host (one silo) for the whole assembly; every test uses fresh tenant, WABA and phone ids.</summary>
public sealed class ApiFixture : HostFixture;
