using WabaActors.Contracts;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Webhooks;

namespace WabaActors.Host.Webhooks;

/// <summary>
/// Applies a delivery's changes, one after the other, to the grains: account-level fields to the
/// account (keyed by the entry's WABA id, which knows its tenant), <c>messages</c> to the number.
/// Returns once every change is stored. Whatever cannot be applied is logged and acknowledged, so
/// Meta does not redeliver it for days.
/// </summary>
public sealed class WebhookApplier(IGrainFactory grains, MessagesApplier messages, WebhookMetrics metrics, Api.RulesClock clock, ILogger<WebhookApplier> logger)
{
    public async Task<WebhookReceipt> ApplyAsync(IReadOnlyList<WebhookEntry> entries)
    {
        var outcomes = new List<WebhookOutcome>();
        foreach (var entry in entries)
        {
            foreach (var change in entry.Changes)
            {
                var waba = AccountChangeReader.TargetWaba(change.Field, change.Value, entry.Waba);
                var outcome = await ApplyAsync(grains.Reference<IAccountGrain>(waba), waba, change, entry.Time ?? clock.Now.GetUtcNow());
                metrics.Change(change.Field, outcome);
                outcomes.Add(outcome);
            }
        }

        int Count(WebhookOutcome o) => outcomes.Count(x => x == o);
        return new WebhookReceipt(outcomes.Count, Count(WebhookOutcome.Applied), Count(WebhookOutcome.Unchanged),
            Count(WebhookOutcome.Duplicate), Count(WebhookOutcome.Ignored));
    }

    /// <summary>One change; <paramref name="at"/> is the entry's <c>time</c>, else now (when a template's pause starts).</summary>
    private async Task<WebhookOutcome> ApplyAsync(IAccountGrain account, string waba, WebhookChange change, DateTimeOffset at)
    {
        if (MessagesReader.Handles(change.Field))
        {
            return await messages.ApplyAsync(account, waba, MessagesReader.Read(change.Value), change.Field);
        }

        if (!AccountChangeReader.Handles(change.Field))
        {
            WebhookLog.UnhandledField(logger, change.Field, waba);
            return WebhookOutcome.Ignored;
        }

        var digest = WebhookDigest.Of(change.Field, change.Value);
        var unknown = new List<UnknownValue>();
        var webhook = AccountChangeReader.Read(change.Field, change.Value, digest, out var skipped, unknown, at);
        foreach (var value in unknown)
        {
            WebhookLog.UnknownValue(logger, change.Field, waba, value.What, Clip(value.Value));
            metrics.UnknownValue(value.What, change.Field);
        }

        if (webhook is null)
        {
            WebhookLog.Skipped(logger, change.Field, waba, skipped!);
            return WebhookOutcome.Ignored;
        }

        return Outcome(await account.ApplyWebhookAsync(webhook), change.Field, waba, logger);
    }

    /// <summary>A value from the body, as logs may carry it: printable, at most 64 characters.</summary>
    private static string Clip(string value) => Domain.Common.Text.Clean(value, 64);

    /// <summary>What the account's answer to a change means for the receipt, logged (shared with the partner webhook).</summary>
    internal static WebhookOutcome Outcome(Reply<WebhookResult> reply, string field, string waba, ILogger logger)
    {
        if (reply.Failure is { } failure)
        {
            WebhookLog.NotApplied(logger, field, waba, failure.Code, failure.Message);
            return WebhookOutcome.Ignored;
        }

        if (reply.Value == WebhookResult.UnknownAccount)
        {
            WebhookLog.UnknownWaba(logger, field, waba);
            return WebhookOutcome.Ignored;
        }

        WebhookLog.Handled(logger, field, waba, reply.Value.ToString());
        return reply.Value switch
        {
            WebhookResult.Applied => WebhookOutcome.Applied,
            WebhookResult.Duplicate => WebhookOutcome.Duplicate,
            _ => WebhookOutcome.Unchanged,
        };
    }
}
