using Microsoft.Extensions.Logging;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Messaging;
using WabaActors.Domain.Common;
using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Grains.Faults;
using WabaActors.Grains.Telemetry;
using WabaActors.Grains.Translation;
using WabaActors.Grains.Storage;

namespace WabaActors.Grains.Numbers;

/// <summary>
/// The hot path: inbound messages open and close windows, a repeated inbound message id changes
/// nothing (<see cref="InboundLedger"/>; permits: NumberGrain.Permits.cs). These
/// calls interleave while writes commit (group commit needs many in flight); each change is appended
/// to the store and every answer waits for the grain's <see cref="DurableTail"/>, so "ok" is said
/// only once durable.
/// </summary>
public sealed partial class NumberGrain
{
    public async ValueTask<Reply<WindowView>> RecordInboundAsync(Scope owner, InboundMessage message, CancellationToken cancellationToken = default)
    {
        if (Owned(owner) is null)
        {
            return Failures.NumberNotFound;
        }

        cancellationToken.ThrowIfCancellationRequested();

        var v = new Validator();
        var customer = v.Parse("customer", () => CustomerIdentity.Parse(message.Customer));
        var userId = message.UserId is null ? (CustomerIdentity?)null
            : v.Parse("userId", () => CustomerIdentity.ParseUserId(message.UserId, v.IsValid ? customer.IsPhone : null));
        var id = v.Parse("messageId", () => MessageId.Parse(message.MessageId));
        v.Check(message.Timestamp != default, "timestamp", "timestamp is required (ISO 8601).");
        v.Check(Enum.IsDefined(message.Kind), "kind", "kind must be 'message' or 'call'.");
        v.Check(Enum.IsDefined(message.EntryPoint), "entryPoint", "entryPoint must be 'ctwa' or 'page_cta'.");
        if (!v.IsValid)
        {
            return v.ToError().ToFailure();
        }

        var now = clock.GetUtcNow();
        var recorded = _inbound.Record(_permits.Windows, id, customer, message.Timestamp, now, message.EntryPoint.ToDomain());
        if (!recorded.IsSuccess)
        {
            return recorded.Error!.ToFailure();
        }

        if (recorded.Value?.Window is { } opened)
        {
            _permits.Entered(opened);
        }

        var window = _permits.Window(customer, now).ToView();
        ReportWindows();

        // One write per new message: its window change carrying its id, or its id alone. A repeat writes
        // nothing, and answers once what the window rests on is durable (its first record may still be committing).
        Task written;
        if (recorded.Value is not { } taken)
        {
            LogRepeat(id);
            written = _tail.Current;
        }
        else
        {
            written = _tail.Append((taken.Window is { } change ? store.AppendNumberAsync(Phone, change, null) : store.AppendInboundIdAsync(Phone, taken.Id)).AsTask());
        }

        if (userId is { } bsuid)
        {
            // The link is durable at the directory before the message is acknowledged, like its window.
            await TeachAsync(customer, bsuid, cancellationToken);
        }

        await DurableAsync(written);
        return Reply<WindowView>.Ok(window) with { Repeat = recorded.Value is null };
    }

    public async ValueTask<Reply<WindowView>> CloseWindowAsync(Scope owner, string customer, DateTimeOffset at)
    {
        if (Owned(owner) is null)
        {
            return Failures.NumberNotFound;
        }

        var parsed = CustomerIdentity.Parse(customer);
        if (!parsed.IsSuccess)
        {
            return parsed.Error!.ToFailure();
        }

        var now = clock.GetUtcNow();
        if (at > now + rules.FutureTimestampTolerance)
        {
            // A close in the future would hide messages not yet sent.
            return new Failure(ErrorCodes.TimestampInFuture, "The status timestamp lies in the future.");
        }

        // Meta closed the person's window: every id of the person this number knows is closed as of the instant.
        await LookUpAsync(parsed.Value, default);
        now = clock.GetUtcNow();
        var written = _tail.Current;
        foreach (var id in (CustomerIdentity[])[parsed.Value, .. _permits.Aliases(parsed.Value, now)])
        {
            if (_permits.Windows.Close(id, at, now) is { } closed)
            {
                written = _tail.Append(store.AppendNumberAsync(Phone, closed, null).AsTask());
            }
        }

        var window = _permits.Window(parsed.Value, now).ToView();
        ReportWindows();
        await DurableAsync(written);
        return window;
    }

    public async ValueTask<Reply<WindowView>> GetWindowAsync(Scope owner, string customer, CancellationToken cancellationToken = default)
    {
        if (Owned(owner) is null)
        {
            return Failures.NumberNotFound;
        }

        var parsed = CustomerIdentity.Parse(customer);
        if (!parsed.IsSuccess)
        {
            return parsed.Error!.ToFailure();
        }

        var window = _permits.Window(parsed.Value, clock.GetUtcNow());
        if (!window.Open && await LookUpAsync(parsed.Value, cancellationToken))
        {
            window = _permits.Window(parsed.Value, clock.GetUtcNow());
        }

        ReportWindows();
        return window.ToView();
    }

    private void LogRepeat(MessageId id)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            NumberLog.InboundRepeated(logger, PersonalData.Hash(Phone), InboundLedger.Digest(id));
        }
    }

    /// <summary>
    /// Waits until what an answer rests on is committed. If a write failed, this activation holds a
    /// change that is not durable (a retry would be answered from it and never written): it is
    /// dropped so that the next one rebuilds from what is committed.
    /// </summary>
    private async Task DurableAsync(Task written)
    {
        try
        {
            await written;
        }
        catch (Exception e)
        {
            // An outage is counted (one line per interval), any other failure logged with its stack.
            if (!faults.TryRecord(e, FaultSource.NumberWrite))
            {
                NumberLog.WriteFailed(logger, PersonalData.Hash(Phone), e);
            }

            DeactivateOnIdle();
            throw;
        }
    }
}
