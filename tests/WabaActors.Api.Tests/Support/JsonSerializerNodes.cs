using System.Text.Json;
using System.Text.Json.Nodes;

namespace WabaActors.Api.Tests.Support;

internal static class JsonSerializerNodes
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static JsonObject From(object value) => JsonSerializer.SerializeToNode(value, value.GetType(), Web)!.AsObject();
}
