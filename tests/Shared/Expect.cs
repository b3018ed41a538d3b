using WabaActors.Contracts.Common;

namespace WabaActors.Tests.Shared;

/// <summary>Assertions on a grain's <see cref="Reply{T}"/> (Grains and Durability tests) that say which code came back when the expectation fails.</summary>
public static class Expect
{
    /// <summary>The value of a successful reply; fails the test with the failure's code otherwise.</summary>
    public static T Ok<T>(this Reply<T> reply)
    {
        Assert.True(reply.IsSuccess, $"expected success, got {reply.Failure?.Code}: {reply.Failure?.Message}");
        return reply.Value!;
    }

    /// <summary>The failure of a refused command, checked to carry <paramref name="code"/>.</summary>
    public static Failure Refused<T>(this Reply<T> reply, string code)
    {
        Assert.False(reply.IsSuccess, $"expected {code}, got success");
        Assert.Equal(code, reply.Failure!.Code);
        return reply.Failure;
    }

    public static async Task<T> Ok<T>(this ValueTask<Reply<T>> reply) => (await reply).Ok();

    public static async Task<Failure> Refused<T>(this ValueTask<Reply<T>> reply, string code) => (await reply).Refused(code);
}
