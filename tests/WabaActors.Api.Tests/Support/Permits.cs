using System.Text.Json.Nodes;

namespace WabaActors.Api.Tests.Support;

/// <summary>Template permits in bulk, for tests that fill an account's template-recipient limit.</summary>
public static class Permits
{
    /// <summary>
    /// A template permit for each of <paramref name="requests"/> from <paramref name="account"/>'s first number,
    /// all sent at once (every request built and waiting before the first goes out); the decisions in their
    /// order. Concurrent, so that filling a limit of hundreds stays fast.
    /// </summary>
    public static async Task<JsonNode[]> TemplatesAtOnce(this ApiClient api, TestAccount account, IEnumerable<(string Customer, string MessageId)> requests)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = requests.Select(async r =>
        {
            await start.Task;
            return (await api.Post(account.Number + "/permits", new { customer = r.Customer, type = "template", messageId = r.MessageId })).Ok();
        }).ToList();
        start.SetResult();
        return await Task.WhenAll(calls);
    }

    /// <summary><paramref name="count"/> template permits to fresh customers, at once.</summary>
    public static Task<JsonNode[]> TemplatesAtOnce(this ApiClient api, TestAccount account, int count) =>
        api.TemplatesAtOnce(account, Enumerable.Range(0, count).Select(_ => (Ids.Customer(), Ids.MessageId())).ToList());
}
