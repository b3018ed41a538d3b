using WabaActors.Contracts;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Messaging;
using WabaActors.Domain.Identity;
using WabaActors.Grains.Telemetry;
using WabaActors.Grains.Translation;

namespace WabaActors.Host.Webhooks;

/// <summary>
/// A <c>messages</c> or <c>calls</c> change → the number grain, on behalf of the tenant that owns the
/// WABA: links first (so a close or a window reaches every id of the person), then customers'
/// messages and calls open windows (idempotent on their id), then 131047 failures close them, then Meta's marketing
/// verdicts (131049, 131050, <c>user_preferences</c>) reach the number. The
/// number must be on the entry's WABA; otherwise the change is logged and ignored. Unknown values are
/// logged and counted, what deliberately opens nothing is logged.
/// </summary>
public sealed class MessagesApplier(IGrainFactory grains, WebhookMetrics metrics, ILogger<MessagesApplier> logger)
{
    public async Task<WebhookOutcome> ApplyAsync(IAccountGrain account, string waba, MessagesBatch batch, string field = MessagesReader.Field)
    {
        var phoneHash = PersonalData.Hash(batch.Phone);
        Report(batch, field, waba, phoneHash);
        if (batch.IsEmpty)
        {
            return WebhookOutcome.Ignored;
        }

        if (!PhoneNumber.Parse(batch.Phone).IsSuccess)
        {
            WebhookLog.MessageIgnored(logger, phoneHash, waba, "the change (metadata.display_phone_number is not a phone number)", "validation_failed");
            return WebhookOutcome.Ignored;
        }

        if (await account.GetOwnerAsync() is not { } tenant)
        {
            WebhookLog.UnknownWaba(logger, field, waba);
            return WebhookOutcome.Ignored;
        }

        var number = grains.Reference<INumberGrain>(batch.Phone);
        var owner = new Scope(tenant, waba);
        var (applied, repeats, unchanged) = (0, 0, 0);
        foreach (var link in batch.Links)
        {
            var taught = await number.LinkAsync(owner, link);
            if (Count(taught, "a link between two ids of one person", phoneHash, waba) > 0)
            {
                (applied, unchanged) = taught.Value ? (applied + 1, unchanged) : (applied, unchanged + 1);
            }
        }

        foreach (var message in batch.Inbound)
        {
            var recorded = await number.RecordInboundAsync(owner, message);
            if (recorded.Repeat)
            {
                repeats++;
                continue;
            }

            applied += Count(recorded, message.Kind == InboundKind.Call ? "a customer call" : "a customer message", phoneHash, waba);
        }

        foreach (var close in batch.Closes)
        {
            applied += Count(await number.CloseWindowAsync(owner, close.Customer, close.At), "a 131047 close", phoneHash, waba);
        }

        // Meta's marketing verdicts: each applied once per (message id, status) or by its instant, so a redelivery is a duplicate.
        var verdicts = new List<(Reply<OutcomeResult> Reply, string What)>();
        foreach (var outcome in batch.Outcomes)
        {
            verdicts.Add((await number.RecordOutcomeAsync(owner, outcome), $"a {outcome.ErrorCode} failure"));
        }

        foreach (var preference in batch.Preferences)
        {
            verdicts.Add((await number.SetMarketingPreferenceAsync(owner, preference), preference.Stop ? "a marketing stop" : "a marketing resume"));
        }

        foreach (var (reply, what) in verdicts.Where(v => Count(v.Reply, v.What, phoneHash, waba) > 0))
        {
            (applied, repeats, unchanged) = reply.Value!.Effect switch
            {
                OutcomeEffect.Duplicate => (applied, repeats + 1, unchanged),
                OutcomeEffect.None => (applied, repeats, unchanged + 1),
                _ => (applied + 1, repeats, unchanged),
            };
        }

        // A change whose every message was recorded before (Meta redelivered it) is a duplicate; one that
        // only taught links already known changed nothing.
        return applied > 0 ? WebhookOutcome.Applied : repeats > 0 ? WebhookOutcome.Duplicate
            : unchanged > 0 ? WebhookOutcome.Unchanged : WebhookOutcome.Ignored;
    }

    private void Report(MessagesBatch batch, string field, string waba, string phoneHash)
    {
        if (batch.Unreadable > 0)
        {
            WebhookLog.MessageIgnored(logger, phoneHash, waba, $"{batch.Unreadable} item(s) without sender, id or timestamp", "validation_failed");
        }

        if (batch.Malformed > 0)
        {
            WebhookLog.MessageIgnored(logger, phoneHash, waba, $"{batch.Malformed} id(s) neither a phone nor a BSUID", "validation_failed");
        }

        foreach (var unknown in batch.Unknown)
        {
            WebhookLog.UnknownValue(logger, field, waba, unknown.What, Domain.Common.Text.Clean(unknown.Value, 64));
            metrics.UnknownValue(unknown.What, field);
        }

        foreach (var what in batch.OpenNothing)
        {
            WebhookLog.OpensNothing(logger, field, phoneHash, waba, what);
        }
    }

    private int Count<T>(Reply<T> reply, string what, string phoneHash, string waba)
    {
        if (reply.Failure is { } failure)
        {
            // not_found: the number is not on this WABA (or absent from the change).
            WebhookLog.MessageIgnored(logger, phoneHash, waba, what, failure.Code);
            return 0;
        }

        return 1;
    }
}
