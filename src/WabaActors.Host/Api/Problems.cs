using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using WabaActors.Contracts.Common;
using WabaActors.Domain.Common;

namespace WabaActors.Host.Api;

/// <summary>
/// Grain replies → HTTP. A <see cref="Failure"/> becomes an RFC 9457 problem with the stable
/// <c>code</c> extension (and <c>errors</c>, <c>attemptsLeft</c>, <c>retryAt</c>, <c>Retry-After</c>
/// where they apply); the status comes from the code, never from an exception.
/// </summary>
public static class Problems
{
    private static readonly Dictionary<string, int> StatusByCode = ErrorCatalog.All
        .Where(e => e.Status is not null).ToDictionary(e => e.Code, e => e.Status!.Value, StringComparer.Ordinal);

    public static IResult ToHttp<T>(this Reply<T> reply, TimeProvider clock, Func<T, object>? shape = null)
    {
        if (reply.Failure is { } failure)
        {
            return failure.ToProblem(clock);
        }

        object body = shape is null ? reply.Value! : shape(reply.Value!);
        return reply.Created ? TypedResults.Created((string?)null, body) : TypedResults.Ok(body);
    }

    public static IResult ToProblem(this Failure failure, TimeProvider? clock)
    {
        var status = StatusOf(failure);
        var problem = Result(failure, status);
        return failure.RetryAt is { } at && clock is not null
            && status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable
            ? new WithRetryAfter(problem, RetryAfterSeconds(at, clock))
            : problem;
    }

    /// <summary>The problem <see cref="ToProblem"/> answers, as a body (an entry of a batch's answer).</summary>
    public static ProblemDetails ToProblemBody(this Failure failure) => Result(failure, StatusOf(failure)).ProblemDetails;

    private static int StatusOf(Failure failure) => StatusByCode.GetValueOrDefault(failure.Code, StatusCodes.Status400BadRequest);

    private static ProblemHttpResult Result(Failure failure, int status)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = failure.Code };
        if (failure.Errors is { } errors)
        {
            extensions["errors"] = errors;
        }

        if (failure.AttemptsLeft is { } left)
        {
            extensions["attemptsLeft"] = left;
        }

        if (failure.Step is { } step)
        {
            extensions["step"] = step;
        }

        if (failure.RetryAt is { } retryAt)
        {
            extensions["retryAt"] = retryAt;
        }

        return TypedResults.Problem(detail: failure.Message, statusCode: status, title: Title(failure.Code), extensions: extensions);
    }

    public static IResult Validation(string field, string message) =>
        new Failure(ErrorCodes.ValidationFailed, message) { Errors = DomainError.Invalid(field, message).Errors }.ToProblem(null);

    /// <summary>A problem with <paramref name="code"/>'s status and no other extension (the host's own refusals).</summary>
    public static IResult Of(string code, string detail) => new Failure(code, detail).ToProblem(null);

    public static IResult NotFound(string what) =>
        TypedResults.Problem(detail: $"{what} was not found.", statusCode: 404, title: Title(ErrorCodes.NotFound),
            extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.NotFound });

    private static string Title(string code)
    {
        var words = code.Replace('_', ' ');
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    private static string RetryAfterSeconds(DateTimeOffset at, TimeProvider clock) => RetryAfterSeconds(at - clock.GetUtcNow());

    /// <summary>A <c>Retry-After</c> value: whole seconds, rounded up, at least 1.</summary>
    public static string RetryAfterSeconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Min(int.MaxValue, Math.Ceiling(wait.TotalSeconds))).ToString(CultureInfo.InvariantCulture);

    private sealed class WithRetryAfter(IResult inner, string seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
