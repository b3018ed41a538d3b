using System.Text.Json;
using WabaActors.Contracts.Common;
using WabaActors.Domain.Common;
using WabaActors.Host.Api;
using WabaActors.Host.Reload;
using WabaActors.Host.Security;

namespace WabaActors.Host.Webhooks;

/// <summary>
/// 360dialog's partner webhook (ADR 0011): deliveries signed with <c>X-360dialog-Signature</c>, read
/// and applied to the account before they are acknowledged. Off (<c>503 webhooks_not_configured</c>)
/// until <c>WabaActors:Webhooks:Dialog360Secret</c> is set, as Meta's is without its app secret.
/// </summary>
public static class PartnerWebhookEndpoints
{
    public const string Path = "/v1/webhooks/360dialog";
    public const string Setting = WebhookOptions.Section + ":" + nameof(WebhookOptions.Dialog360Secret);

    public static IEndpointRouteBuilder MapPartnerWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        if (string.IsNullOrEmpty(app.ServiceProvider.GetRequiredService<LastGoodOptions<WebhookOptions>>().Current.Dialog360Secret))
        {
            WebhookLog.PartnerWebhooksOff(app.ServiceProvider.GetRequiredService<ILogger<PartnerWebhookApplier>>(), Path);
        }

        app.MapPost(Path, Receive).WithTags("Webhooks").WithName("Receive360dialogWebhook")
            .Accepts<JsonElement>("application/json").Produces<WebhookReceipt>().SecuredBy(BearerSecuritySchemeTransformer.Dialog360Signature)
            .Describe("Receive 360dialog's webhook",
                "360dialog's partner webhook (channel_created, channel_ready, channel_running, account_violation, account_restriction), signed with X-360dialog-Signature; " +
                "200 with a receipt once stored. See docs/api.md § Webhooks.",
                ErrorCodes.ValidationFailed, WebhookErrorCodes.InvalidSignature, HostErrorCodes.PayloadTooLarge, WebhookErrorCodes.WebhooksNotConfigured);
        return app;
    }

    private static async Task<IResult> Receive(
        HttpRequest request, LastGoodOptions<WebhookOptions> options, PartnerWebhookApplier mapper, WebhookMetrics metrics, ILogger<PartnerWebhookApplier> logger)
    {
        var settings = options.Current;
        if (settings.Dialog360Secret is not { Length: > 0 } secret)
        {
            metrics.Refused("not_configured", PartnerWebhookApplier.Source);
            WebhookLog.NotConfigured(logger, Setting);
            return new Failure(WebhookErrorCodes.WebhooksNotConfigured, $"360dialog webhooks are not configured on this host ({Setting}).").ToProblem(null);
        }

        // The signature covers the bytes as sent: read them raw (Kestrel's 1 MiB limit applies).
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var header = request.Headers[PartnerSignature.Header].FirstOrDefault();
        if (SecretGeneration.Of(secret, settings.Dialog360SecretPrevious, s => PartnerSignature.IsValid(body.Span, header, s)) is not { } generation)
        {
            WebhookLog.PartnerSignatureRejected(logger);
            metrics.Refused("invalid_signature", PartnerWebhookApplier.Source);
            return new Failure(WebhookErrorCodes.InvalidSignature, $"{PartnerSignature.Header} is missing or does not match the body.").ToProblem(null);
        }

        metrics.SecretMatched("dialog360_secret", generation);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            metrics.Refused("invalid_body", PartnerWebhookApplier.Source);
            return Problems.Validation("body", $"The body is not valid JSON (line {e.LineNumber + 1}).");
        }

        using (document)
        {
            var delivery = PartnerEventReader.Parse(document.RootElement);
            if (!delivery.IsSuccess)
            {
                metrics.Refused("invalid_body", PartnerWebhookApplier.Source);
                return new Failure(delivery.Error!.Code, delivery.Error.Message) { Errors = delivery.Error.Errors }.ToProblem(null);
            }

            return TypedResults.Ok(await mapper.ApplyAsync(delivery.Value));
        }
    }
}
