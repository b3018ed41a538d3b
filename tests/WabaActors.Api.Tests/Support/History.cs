using System.Text.Json.Nodes;

namespace WabaActors.Api.Tests.Support;

/// <summary>An account's events, read whole.</summary>
public static class History
{
    public static async Task<IReadOnlyList<JsonNode>> Events(this ApiClient api, TestAccount account) =>
        [.. (await api.Get(account.Events + "?limit=1000")).Ok()["events"]!.AsArray().Select(e => e!)];

    public static async Task<IReadOnlyList<string?>> EventTypes(this ApiClient api, TestAccount account) =>
        [.. (await api.Events(account)).Select(e => e.Str("type"))];
}
