using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using WabaActors.Domain.Numbers;
using WabaActors.Grains.Gateway;

namespace WabaActors.Gateway.Dialog360;

/// <summary>
/// 360dialog's Partner API as <see cref="IWhatsAppGateway"/>: 360dialog sends and checks the code. The
/// <see cref="HttpClient"/> comes from the factory with the resilience pipeline of
/// <see cref="Dialog360ServiceCollectionExtensions"/>; every failure becomes a <see cref="GatewayFailure"/>.
/// </summary>
public sealed class Dialog360Gateway(HttpClient http, IOptions<Dialog360Options> options, ILogger<Dialog360Gateway> logger) : IWhatsAppGateway
{
    public const string ClientName = "dialog360";

    private string Partner => options.Value.PartnerId!;

    public async Task<GatewayResult<IssuedCode>> RequestCodeAsync(string phone, VerificationMethod method, int codeLength, CancellationToken ct = default)
    {
        var body = new { code_method = method == VerificationMethod.Voice ? "VOICE" : "SMS", language = options.Value.CodeLanguage };
        var sent = await PostAsync("request_code", Dialog360Paths.RequestCode(Partner, phone), body, rejectsInput: false, ct);
        return sent.Failure ?? (GatewayResult<IssuedCode>)IssuedCode.Unknown;
    }

    public async Task<GatewayResult<CodeVerdict>> VerifyCodeAsync(string phone, string code, IssuedCode issued, CancellationToken ct = default)
    {
        var checkedCode = await PostAsync("verify_code", Dialog360Paths.VerifyCode(Partner, phone), new { code }, rejectsInput: true, ct);
        return checkedCode.Failure ?? (GatewayResult<CodeVerdict>)(checkedCode.Value ? CodeVerdict.Accepted : CodeVerdict.Rejected);
    }

    public async Task<GatewayResult<Registered>> RegisterAsync(string phone, CancellationToken ct = default)
    {
        var done = await PostAsync("register", Dialog360Paths.Register(Partner, phone), new { messaging_product = "whatsapp" }, rejectsInput: false, ct);
        return done.Failure ?? (GatewayResult<Registered>)Registered.Done;
    }

    public Task<GatewayResult<ChannelStatus>> GetChannelAsync(string phone, CancellationToken ct = default) =>
        SendAsync<ChannelStatus>("channel", () => new HttpRequestMessage(HttpMethod.Get, Dialog360Paths.Channel(Partner, phone)), rejected: null,
            root => Dialog360Replies.Channel(root) is { } channel
                ? channel
                : GatewayFailure.Error("360dialog has no channel for this number"), ct);

    /// <summary>A write: true when 360dialog confirmed it, false when it refused the input (a wrong code, when <paramref name="rejectsInput"/>).</summary>
    private Task<GatewayResult<bool>> PostAsync(string operation, string path, object body, bool rejectsInput, CancellationToken ct) =>
        SendAsync<bool>(operation, () => new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) }, rejectsInput ? new GatewayResult<bool>(false, null) : null,
            root => Dialog360Replies.Succeeded(root) ? true : GatewayFailure.Error($"360dialog did not confirm {operation}"), ct);

    /// <param name="rejected">The answer to a 400/422 (360dialog refusing the input, e.g. a wrong code); null: such a reply is a <c>gateway_error</c>.</param>
    private async Task<GatewayResult<T>> SendAsync<T>(string operation, Func<HttpRequestMessage> request, GatewayResult<T>? rejected,
        Func<JsonElement, GatewayResult<T>> read, CancellationToken ct)
    {
        try
        {
            using var message = request();
            using var response = await http.SendAsync(message, ct);
            if (Dialog360Statuses.Failure(response) is { } failed)
            {
                Dialog360Log.Refused(logger, operation, (int)response.StatusCode);
                return failed;
            }

            if (!response.IsSuccessStatusCode)
            {
                Dialog360Log.Refused(logger, operation, (int)response.StatusCode);
                return rejected is not null && response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity
                    ? rejected
                    : GatewayFailure.Error($"360dialog refused the request (HTTP {(int)response.StatusCode})");
            }

            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), default, ct);
            return read(json.RootElement);
        }
        catch (JsonException e)
        {
            Dialog360Log.Unreadable(logger, operation, e.Message);
            return GatewayFailure.Error("360dialog's reply could not be read");
        }
        catch (BrokenCircuitException e)
        {
            Dialog360Log.Failed(logger, operation, "circuit open");
            return GatewayFailure.Unavailable("too many recent failures; calls are paused", e.RetryAfter ?? options.Value.BreakerBreakDuration);
        }
        catch (TimeoutRejectedException)
        {
            Dialog360Log.Failed(logger, operation, "timed out");
            return GatewayFailure.Unavailable("360dialog did not answer in time");
        }
        catch (HttpRequestException e)
        {
            Dialog360Log.Failed(logger, operation, e.HttpRequestError.ToString());
            return GatewayFailure.Unavailable("360dialog could not be reached");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Dialog360Log.Failed(logger, operation, "timed out");
            return GatewayFailure.Unavailable("360dialog did not answer in time");
        }
    }
}
