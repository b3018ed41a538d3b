using WabaActors.Contracts;
using WabaActors.Domain.Onboarding;

namespace WabaActors.Host.Webhooks;

/// <summary>
/// Applies a 360dialog partner webhook to the account named by its WABA id (which knows its tenant),
/// deduplicated by the account like Meta's changes (ADR 0005, 0011). Returns once it is stored.
/// An unknown event, a missing WABA id or an unknown WABA is logged and acknowledged, so 360dialog
/// does not retry it.
/// </summary>
public sealed class PartnerWebhookApplier(IGrainFactory grains, WebhookMetrics metrics, ILogger<PartnerWebhookApplier> logger)
{
    /// <summary>The prefix of the partner's events in logs, digests and the <c>field</c> tag.</summary>
    public const string Source = "360dialog";

    public async Task<WebhookReceipt> ApplyAsync(PartnerDelivery delivery)
    {
        var outcome = await OutcomeAsync(delivery);
        metrics.PartnerEvent(delivery.Event, outcome);
        return new WebhookReceipt(1, Is(WebhookOutcome.Applied), Is(WebhookOutcome.Unchanged), Is(WebhookOutcome.Duplicate), Is(WebhookOutcome.Ignored));

        int Is(WebhookOutcome o) => outcome == o ? 1 : 0;
    }

    private async Task<WebhookOutcome> OutcomeAsync(PartnerDelivery delivery)
    {
        var field = $"{Source}:{PartnerEventReader.Printable(delivery.Event)}";
        if (!PartnerNotice.IsKnown(delivery.Event))
        {
            WebhookLog.UnhandledField(logger, field, delivery.Waba ?? "(none)");
            return WebhookOutcome.Ignored;
        }

        if (delivery.Waba is not { } waba)
        {
            WebhookLog.Skipped(logger, field, "(none)", "the payload names no WABA id (waba_account.external_id)");
            return WebhookOutcome.Ignored;
        }

        var webhook = PartnerEventReader.Read(delivery, WebhookDigest.Of(field, delivery.Data));
        var reply = await grains.Reference<IAccountGrain>(waba).ApplyWebhookAsync(webhook);
        return WebhookApplier.Outcome(reply, field, waba, logger);
    }
}
