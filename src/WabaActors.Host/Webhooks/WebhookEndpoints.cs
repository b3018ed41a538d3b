using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using WabaActors.Contracts.Common;
using WabaActors.Domain.Common;
using WabaActors.Host.Api;
using WabaActors.Host.Reload;
using WabaActors.Host.Security;

namespace WabaActors.Host.Webhooks;

/// <summary>
/// Meta's webhook (docs/api.md "Reviews and business verification", "Operating the host"): the subscription
/// handshake, and deliveries that are verified (signature), read (envelope) and applied before
/// they are acknowledged.
/// </summary>
public static class WebhookEndpoints
{
    public const string Path = "/v1/webhooks/whatsapp";
    private const int MaxChallenge = 1024;

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<LastGoodOptions<WebhookOptions>>().Current.IsConfigured)
        {
            WebhookLog.WebhooksOff(app.ServiceProvider.GetRequiredService<ILogger<WebhookApplier>>(), Path);
        }

        var g = app.MapGroup(Path).WithTags("Webhooks");
        g.MapGet("", Handshake).WithName("VerifyWhatsAppWebhook")
            .Produces<string>(StatusCodes.Status200OK, "text/plain").CallsNoGrain().SecuredBy(BearerSecuritySchemeTransformer.MetaVerifyToken)
            .Describe("Meta's subscription handshake", "Echoes hub.challenge when hub.verify_token equals WabaActors:Webhooks:VerifyToken. See docs/meta-webhooks.md.",
                ErrorCodes.ValidationFailed, WebhookErrorCodes.InvalidVerifyToken, WebhookErrorCodes.WebhooksNotConfigured);
        g.MapPost("", Receive).WithName("ReceiveWhatsAppWebhook")
            .Accepts<JsonElement>("application/json").Produces<WebhookReceipt>().SecuredBy(BearerSecuritySchemeTransformer.MetaSignature)
            .Describe("Receive Meta's webhook", "Meta's webhook delivery, signed with X-Hub-Signature-256; 200 with a receipt once every change is stored. See docs/meta-webhooks.md.",
                ErrorCodes.ValidationFailed, WebhookErrorCodes.InvalidSignature, HostErrorCodes.PayloadTooLarge, WebhookErrorCodes.WebhooksNotConfigured);
        app.MapPartnerWebhookEndpoints();
        return app;
    }

    private static IResult Handshake(
        [FromQuery(Name = "hub.mode")] string? mode,
        [FromQuery(Name = "hub.verify_token")] string? token,
        [FromQuery(Name = "hub.challenge")] string? challenge,
        LastGoodOptions<WebhookOptions> options,
        WebhookMetrics metrics,
        ILogger<WebhookApplier> logger)
    {
        var settings = options.Current;
        if (settings.VerifyToken is not { Length: > 0 } expected)
        {
            return NotConfigured(logger, "WabaActors:Webhooks:VerifyToken");
        }

        var v = new Domain.Common.Validator();
        v.Check(mode == "subscribe", "hub.mode", "hub.mode must be 'subscribe'.");
        v.Check(!string.IsNullOrEmpty(token), "hub.verify_token", "hub.verify_token is required.");
        v.Check(challenge is { Length: > 0 and <= MaxChallenge } && !challenge.Any(char.IsControl), "hub.challenge",
            $"hub.challenge is required (1–{MaxChallenge} characters, no control characters).");
        if (!v.IsValid)
        {
            var error = v.ToError();
            return new Failure(error.Code, error.Message) { Errors = error.Errors }.ToProblem(null);
        }

        if (SecretGeneration.Of(expected, settings.VerifyTokenPrevious, s => SameSecret(token!, s)) is not { } generation)
        {
            WebhookLog.HandshakeRefused(logger);
            return new Failure(WebhookErrorCodes.InvalidVerifyToken, "hub.verify_token does not match the configured verify token.").ToProblem(null);
        }

        metrics.SecretMatched("verify_token", generation);

        return TypedResults.Text(challenge, "text/plain", Encoding.UTF8);
    }

    private static async Task<IResult> Receive(
        HttpRequest request, LastGoodOptions<WebhookOptions> options, WebhookApplier mapper, WebhookMetrics metrics, ILogger<WebhookApplier> logger)
    {
        var settings = options.Current;
        if (settings.AppSecret is not { Length: > 0 } secret)
        {
            metrics.Refused("not_configured");
            return NotConfigured(logger, "WabaActors:Webhooks:AppSecret");
        }

        // The signature covers the bytes as sent: read them raw (Kestrel's 1 MiB limit applies).
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var header = request.Headers[WebhookSignature.Header].FirstOrDefault();
        if (SecretGeneration.Of(secret, settings.AppSecretPrevious, s => WebhookSignature.IsValid(body.Span, header, s)) is not { } generation)
        {
            WebhookLog.SignatureRejected(logger);
            metrics.Refused("invalid_signature");
            return new Failure(WebhookErrorCodes.InvalidSignature, $"{WebhookSignature.Header} is missing or does not match the body.").ToProblem(null);
        }

        metrics.SecretMatched("app_secret", generation);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            metrics.Refused("invalid_body");
            return Problems.Validation("body", $"The body is not valid JSON (line {e.LineNumber + 1}).");
        }

        using (document)
        {
            var entries = EnvelopeParser.Parse(document.RootElement, out var foreignObject);
            if (!entries.IsSuccess)
            {
                metrics.Refused("invalid_body");
                return new Failure(entries.Error!.Code, entries.Error.Message) { Errors = entries.Error.Errors }.ToProblem(null);
            }

            if (foreignObject is not null)
            {
                // Acknowledged, so Meta does not retry it for days; logged and counted, never read as ours.
                WebhookLog.ForeignObject(logger, foreignObject);
                metrics.UnknownValue("object", "envelope");
            }

            return TypedResults.Ok(await mapper.ApplyAsync(entries.Value));
        }
    }

    private static IResult NotConfigured(ILogger logger, string setting)
    {
        WebhookLog.NotConfigured(logger, setting);
        return new Failure(WebhookErrorCodes.WebhooksNotConfigured, $"Webhooks are not configured on this host ({setting}).").ToProblem(null);
    }

    /// <summary>Constant time whatever the inputs' lengths: both are hashed first.</summary>
    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
