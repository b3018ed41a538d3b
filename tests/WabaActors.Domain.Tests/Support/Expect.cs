using WabaActors.Domain.Common;
using WabaActors.Domain.Events;

namespace WabaActors.Domain.Tests.Support;

/// <summary>Assertions on <see cref="Result{T}"/> that say which code came back when the expectation fails.</summary>
public static class Expect
{
    /// <summary>The change of a successful command; fails the test with the error code otherwise.</summary>
    public static Changed<T> Ok<T>(this Result<Changed<T>> result)
    {
        Assert.True(result.IsSuccess, $"expected success, got {result.Error?.Code}: {result.Error?.Message}");
        return result.Value;
    }

    /// <summary>The error of a refused command, checked to carry <paramref name="code"/>.</summary>
    public static DomainError Refused<T>(this Result<T> result, string code)
    {
        Assert.False(result.IsSuccess, $"expected {code}, got success");
        Assert.Equal(code, result.Error!.Code);
        return result.Error;
    }

    /// <summary>A <see cref="ErrorCodes.ValidationFailed"/> error naming exactly <paramref name="fields"/>.</summary>
    public static DomainError Invalid<T>(this Result<T> result, params string[] fields)
    {
        var error = result.Refused(ErrorCodes.ValidationFailed);
        Assert.NotNull(error.Errors);
        Assert.Equal(fields.Order(StringComparer.Ordinal), error.Errors.Keys.Order(StringComparer.Ordinal));
        return error;
    }

    /// <summary>The events' types, in order.</summary>
    public static string[] Types(this IEnumerable<AccountEvent> events) => [.. events.Select(e => e.Type)];
}
