namespace WabaActors.Api.Tests.Support;

/// <summary>A tenant's account under test and, once step 4 ran, its first number.</summary>
public sealed record TestAccount(string Tenant, string Waba, string Phone)
{
    public string Path => $"/v1/tenants/{Tenant}/accounts/{Waba}";

    public string Number => NumberOf(Phone);

    public string NumberOf(string phone) => $"{Path}/numbers/{phone}";

    public string Events => Path + "/events";

    public static TestAccount Fresh() => new(Ids.Tenant(), Ids.Waba(), Ids.Phone());
}
