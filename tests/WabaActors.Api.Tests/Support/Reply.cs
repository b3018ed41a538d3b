using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace WabaActors.Api.Tests.Support;

/// <summary>A response read whole: status, media type, headers and body text.</summary>
public sealed record Reply(HttpStatusCode Status, string? MediaType, string Body, HttpResponseHeaders Headers)
{
    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("The body is JSON null.");

    public static async Task<Reply> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            return new Reply(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, response.Headers);
        }
    }

    /// <summary>Asserts a success with a JSON body and returns the body.</summary>
    public JsonNode Is(HttpStatusCode status)
    {
        Assert.True(Status == status, $"Expected {(int)status}, got {(int)Status}: {Body}");
        Assert.Equal("application/json", MediaType);
        return Json;
    }

    public JsonNode Ok() => Is(HttpStatusCode.OK);

    public JsonNode Created() => Is(HttpStatusCode.Created);

    /// <summary>Asserts an RFC 9457 problem with the stable <paramref name="code"/> and returns it.</summary>
    public JsonNode Problem(HttpStatusCode status, string code)
    {
        Assert.True(Status == status, $"Expected {(int)status} {code}, got {(int)Status}: {Body}");
        Assert.Equal("application/problem+json", MediaType);
        var problem = Json;
        Assert.Equal(code, (string?)problem["code"]);
        Assert.Equal((int)status, (int?)problem["status"]);
        return problem;
    }

    /// <summary>A <c>400 validation_failed</c> whose <c>errors</c> names exactly <paramref name="fields"/>.</summary>
    public JsonNode Invalid(params string[] fields)
    {
        var problem = Problem(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem["errors"]?.AsObject() ?? throw new Xunit.Sdk.XunitException($"No errors map: {Body}");
        Assert.Equal(fields.Order(StringComparer.Ordinal), errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.All(errors, e => Assert.NotEmpty(e.Value!.AsArray()));
        return problem;
    }

    public int RetryAfterSeconds =>
        int.Parse(Assert.Single(Headers.GetValues("Retry-After")), NumberStyles.None, CultureInfo.InvariantCulture);
}
