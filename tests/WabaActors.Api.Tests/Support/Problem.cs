using System.Text.Json.Nodes;

namespace WabaActors.Api.Tests.Support;

public static class Problem
{
    /// <summary>A problem's body without its per-request <c>traceId</c>, to compare two answers.</summary>
    public static string Normalized(this Reply reply)
    {
        var node = reply.Json.AsObject();
        node.Remove("traceId");
        return node.ToJsonString();
    }
}
