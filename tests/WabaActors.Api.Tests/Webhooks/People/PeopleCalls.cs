using System.Text.Json;
using WabaActors.Api.Tests.Support;
using WabaActors.Contracts.Messaging;

namespace WabaActors.Api.Tests;

/// <summary>
/// A customer's window and a session permit over HTTP, for the webhook tests of people: the customer is a
/// phone or a BSUID, read back as the contract's records.
/// </summary>
public static class PeopleCalls
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>The window of <paramref name="customer"/> (a phone or a BSUID) on the account's number.</summary>
    public static async Task<WindowView> WindowAsync(this HostFixture fixture, TestAccount account, string customer)
    {
        var reply = await fixture.Api.Get($"{account.Number}/windows/{customer}");
        return JsonSerializer.Deserialize<WindowView>(reply.Ok().ToJsonString(), Web)!;
    }

    /// <summary>A session permit to <paramref name="customer"/> (a phone or a BSUID) on the account's number.</summary>
    public static async Task<PermitDecision> SessionPermitAsync(this HostFixture fixture, TestAccount account, string customer)
    {
        var reply = await fixture.Api.Post(account.Number + "/permits", new { customer, type = "session", messageId = Ids.MessageId() });
        return JsonSerializer.Deserialize<PermitDecision>(reply.Ok().ToJsonString(), Web)!;
    }
}
