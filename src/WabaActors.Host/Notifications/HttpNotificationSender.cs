using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using WabaActors.Contracts.Notifications;
using WabaActors.Grains.Notifications;
using WabaActors.Host.Reload;

namespace WabaActors.Host.Notifications;

/// <summary>
/// One signed POST per batch. The attempt's timeout is real time (the network's); the wait between
/// attempts is the notifier's, on the rules' clock. Signatures carry the wall-clock time, which is
/// what the receiver compares with its own. The secret is that of the last valid configuration: a
/// changed <c>WabaActors:Notifications:Secret</c> signs the next request without a restart; the
/// other settings are those of the start.
/// </summary>
internal sealed class HttpNotificationSender(
    IHttpClientFactory clients, IOptions<NotificationOptions> options, LastGoodOptions<NotificationOptions> reloaded, TimeProvider wallClock)
    : INotificationSender
{
    public const string ClientName = "WabaActors.Notifications";

    public async Task<DeliveryOutcome> SendAsync(NotificationBatch batch, CancellationToken ct)
    {
        var settings = options.Value;
        var body = NotificationJson.Serialize(batch);
        var timestamp = wallClock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(NotificationSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(NotificationSignature.SignatureHeader, NotificationSignature.Sign(reloaded.Current.Secret!, timestamp, body));

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
        attempt.CancelAfter(settings.Timeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            var code = (int)response.StatusCode;
            var status = code.ToString(CultureInfo.InvariantCulture);
            return response.IsSuccessStatusCode
                ? new DeliveryOutcome(true, status, code)
                : new DeliveryOutcome(false, status, code, RetryAfter(response));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new DeliveryOutcome(false, DeliveryOutcome.Timeout);
        }
        catch (HttpRequestException)
        {
            return new DeliveryOutcome(false, DeliveryOutcome.NetworkError);
        }
    }

    /// <summary>A 429's or 503's <c>Retry-After</c>, as seconds or as an HTTP date.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            || response.Headers.RetryAfter is not { } header)
        {
            return null;
        }

        return header.Delta ?? (header.Date is { } date ? date - wallClock.GetUtcNow() : null);
    }
}
