using WabaActors.Contracts;
using WabaActors.Contracts.Common;
using WabaActors.Domain.Identity;
using WabaActors.Grains.Telemetry;
using WabaActors.Grains.Translation;

namespace WabaActors.Host.Webhooks;

/// <summary>
/// A <c>messages</c> change → the number grain, on behalf of the tenant that owns the WABA: customers'
/// messages open windows (idempotent on their id), 131047 failures close them. The number must be
/// on the entry's WABA; otherwise the change is logged and ignored.
/// </summary>
public sealed class MessagesApplier(IGrainFactory grains, ILogger<MessagesApplier> logger)
{
    public async Task<WebhookOutcome> ApplyAsync(IAccountGrain account, string waba, MessagesBatch batch)
    {
        var phoneHash = PersonalData.Hash(batch.Phone);
        if (batch.Unreadable > 0)
        {
            WebhookLog.MessageIgnored(logger, phoneHash, waba, $"{batch.Unreadable} item(s) without sender, id or timestamp", "validation_failed");
        }

        if (batch.Inbound.Count == 0 && batch.Closes.Count == 0)
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
            WebhookLog.UnknownWaba(logger, MessagesReader.Field, waba);
            return WebhookOutcome.Ignored;
        }

        var number = grains.Reference<INumberGrain>(batch.Phone);
        var owner = new Scope(tenant, waba);
        var applied = 0;
        var repeats = 0;
        foreach (var message in batch.Inbound)
        {
            var recorded = await number.RecordInboundAsync(owner, message);
            if (recorded.Repeat)
            {
                repeats++;
                continue;
            }

            applied += Count(recorded, "a customer message", phoneHash, waba);
        }

        foreach (var close in batch.Closes)
        {
            applied += Count(await number.CloseWindowAsync(owner, close.Customer, close.At), "a 131047 close", phoneHash, waba);
        }

        // A change whose every message was recorded before (Meta redelivered it) is a duplicate.
        return applied > 0 ? WebhookOutcome.Applied : repeats > 0 ? WebhookOutcome.Duplicate : WebhookOutcome.Ignored;
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
