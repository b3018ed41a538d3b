using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace WabaActors.Api.Tests.Support;

/// <summary>The HTTP calls of docs/api.md, answered as <see cref="Reply"/>s.</summary>
public sealed class ApiClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public HttpClient Http => http;

    public Task<Reply> Get(string path) => Send(HttpMethod.Get, path);

    public Task<Reply> Post(string path, object? body = null) => Send(HttpMethod.Post, path, body ?? new { });

    public Task<Reply> Put(string path, object? body = null) => Send(HttpMethod.Put, path, body ?? new { });

    public async Task<Reply> Send(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Web);
        }

        return await Reply.ReadAsync(await http.SendAsync(request));
    }

    /// <summary>Sends <paramref name="content"/> as it is (null: no body at all).</summary>
    /// <param name="expectContinue">Send <c>Expect: 100-continue</c>, as curl does for large bodies: the server can
    /// refuse (413) before the body is sent, instead of closing the connection under a client still uploading.</param>
    public async Task<Reply> SendRaw(HttpMethod method, string path, byte[]? content, string? contentType = "application/json", bool expectContinue = false)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.ExpectContinue = expectContinue ? true : null;
        if (content is not null)
        {
            request.Content = new ByteArrayContent(content);
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        return await Reply.ReadAsync(await http.SendAsync(request));
    }

    public Task<Reply> SendRaw(HttpMethod method, string path, string content, string? contentType = "application/json") =>
        SendRaw(method, path, Encoding.UTF8.GetBytes(content), contentType);

    public async Task<DateTimeOffset> Now() => (await Get("/v1/admin/clock")).Ok().Instant("now");

    /// <summary>Moves the simulated clock forward (reminders due in the jump fire soon after).</summary>
    public async Task<DateTimeOffset> Advance(TimeSpan by) =>
        (await Post("/v1/admin/clock/advance", new { by = XmlConvert.ToString(by) })).Ok().Instant("now");

    /// <summary>The code the simulated gateway sent to <paramref name="phone"/>.</summary>
    public async Task<string> Code(string phone) =>
        (await Get($"/v1/admin/simulator/numbers/{phone}/verification-code")).Ok().Str("code")!;
}
