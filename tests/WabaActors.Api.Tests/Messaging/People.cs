using System.Globalization;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>Customers as docs/api.md "Customers are people" names them, and the messaging calls the tests make with them.</summary>
internal static class People
{
    private static long _next = Random.Shared.Next(1_000, 9_000) * 1_000_000L;

    /// <summary>A fresh BSUID as Meta writes them: <c>US.</c> and 20 digits.</summary>
    public static string Bsuid() => "US." + (13_491_208_655_000_000_000UL + (ulong)Interlocked.Increment(ref _next)).ToString(CultureInfo.InvariantCulture);

    /// <summary>A fresh parent BSUID: <c>US.ENT.</c> and 20 digits.</summary>
    public static string ParentBsuid() => "US.ENT." + Bsuid()[3..];

    public static Task<Reply> Inbound(this ApiClient api, TestAccount account, object body) => api.Post(account.Number + "/inbound", body);

    /// <summary>A message from <paramref name="customer"/> sent now (optionally naming its BSUID too): the window it answers.</summary>
    public static async Task<Reply> Wrote(this ApiClient api, TestAccount account, string customer, string? userId = null) =>
        await api.Inbound(account, new { customer, userId, messageId = Ids.MessageId(), timestamp = Json.Iso(await api.Now()) });

    public static Task<Reply> Permit(this ApiClient api, TestAccount account, string customer, string type, string? userId = null) =>
        api.Post(account.Number + "/permits", new { customer, type, messageId = Ids.MessageId(), userId });

    public static Task<Reply> Window(this ApiClient api, TestAccount account, string customer) => api.Get($"{account.Number}/windows/{customer}");

    /// <summary>The recipients the account's rolling set counts now.</summary>
    public static async Task<int> Recipients(this ApiClient api, TestAccount account) =>
        (await api.Get(account.Path + "/template-recipients")).Ok().Int("used");
}
