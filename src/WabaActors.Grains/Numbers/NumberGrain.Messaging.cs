using WabaActors.Contracts;
using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Messaging;
using WabaActors.Domain.Common;
using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Grains.Mapping;
using WabaActors.Grains.Storage;

namespace WabaActors.Grains.Numbers;

/// <summary>
/// The hot path: inbound messages open windows; permits are decided here in memory, and only a
/// template to a customer with no open window asks the quota grain. These calls interleave while
/// writes commit (group commit needs many in flight); each change is appended to the store and every
/// answer waits for the grain's <see cref="DurableTail"/>, so "ok" is said only once durable.
/// </summary>
public sealed partial class NumberGrain
{
    public async ValueTask<Reply<WindowView>> RecordInboundAsync(Scope owner, InboundMessage message)
    {
        if (Owned(owner) is null)
        {
            return Failures.NumberNotFound;
        }

        var v = new Validator();
        var customer = v.Parse("customer", () => CustomerId.Parse(message.Customer));
        v.Parse("messageId", () => MessageId.Parse(message.MessageId));
        v.Check(message.Timestamp != default, "timestamp", "timestamp is required (ISO 8601).");
        if (!v.IsValid)
        {
            return v.ToError().ToFailure();
        }

        var now = clock.GetUtcNow();
        var recorded = _windows.RecordInbound(customer, message.Timestamp, now);
        if (!recorded.IsSuccess)
        {
            return recorded.Error!.ToFailure();
        }

        var window = _windows.Get(customer, now).ToView();
        ReportWindows();
        await DurableAsync(recorded.Value is { } change ? _tail.Append(store.AppendNumberAsync(Phone, change, null).AsTask()) : _tail.Current);
        return window;
    }

    public async ValueTask<Reply<WindowView>> CloseWindowAsync(Scope owner, string customer, DateTimeOffset at)
    {
        if (Owned(owner) is null)
        {
            return Failures.NumberNotFound;
        }

        var parsed = CustomerId.Parse(customer);
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

        var change = _windows.Close(parsed.Value, at, now);
        var window = _windows.Get(parsed.Value, now).ToView();
        ReportWindows();
        await DurableAsync(change is { } closed ? _tail.Append(store.AppendNumberAsync(Phone, closed, null).AsTask()) : _tail.Current);
        return window;
    }

    public ValueTask<Reply<WindowView>> GetWindowAsync(Scope owner, string customer)
    {
        var parsed = CustomerId.Parse(customer);
        Reply<WindowView> reply = Owned(owner) is null ? Failures.NumberNotFound
            : !parsed.IsSuccess ? parsed.Error!.ToFailure()
            : _windows.Get(parsed.Value, clock.GetUtcNow()).ToView();
        ReportWindows();
        return ValueTask.FromResult(reply);
    }

    public async ValueTask<Reply<PermitDecision>> RequestPermitAsync(Scope owner, PermitRequest request)
    {
        if (Owned(owner) is not { } number)
        {
            return Failures.NumberNotFound;
        }

        // Parsed directly (no validator, no closures) on the hot path; all errors are collected only
        // when something is wrong.
        var parsedCustomer = CustomerId.Parse(request.Customer);
        var parsedId = MessageId.Parse(request.MessageId);
        MessageType? type = request.Type switch { "session" => MessageType.Session, "template" => MessageType.Template, _ => null };
        if (!parsedCustomer.IsSuccess || !parsedId.IsSuccess || type is null)
        {
            return InvalidPermit(parsedCustomer.Error, parsedId.Error, type is null);
        }

        var (customer, id) = (parsedCustomer.Value, parsedId.Value);

        var now = clock.GetUtcNow();
        var replay = _ledger.Replay(id, customer, type!.Value, now);
        if (!replay.IsSuccess)
        {
            return replay.Error!.ToFailure();
        }

        if (replay.Value is { } original)
        {
            await DurableAsync(_tail.Current);
            metrics.Decided(original.Reason, type.Value);
            return original.ToContract(id.Value);
        }

        var gate = await CurrentGateAsync(now);
        var domainGate = _domainGate!;
        if ((SendRules.CheckGate(domainGate) ?? SendRules.CheckNumber(number.IsRegistered)) is { } denied)
        {
            await DurableAsync(_tail.Current);
            metrics.Decided(denied.Reason, type.Value);
            return denied.ToContract(id.Value);
        }

        var window = _windows.Get(customer, now);
        ReportWindows();
        var decision = (type, window.Open) switch
        {
            (MessageType.Session, _) => SendRules.DecideSession(window, domainGate.Restrictions, now),
            (_, true) => SendDecision.Allow(window.ExpiresAt),   // a reply inside the window counts nothing
            _ => await AskQuotaAsync(gate, domainGate, customer, id, now),
        };
        if (decision is null)
        {
            // The quota already holds this message id for another customer (sent through another number).
            return new Failure(ErrorCodes.MessageIdReused, "This messageId was already used for another customer or message type.");
        }

        var written = decision.Allowed
            ? _tail.Append(store.AppendNumberAsync(Phone, null, _ledger.Record(id, customer, type.Value, decision, now)).AsTask())
            : _tail.Current;
        await DurableAsync(written);
        metrics.Decided(decision.Reason, type.Value);
        return decision.ToContract(id.Value);
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
            NumberLog.WriteFailed(logger, PersonalData.Hash(Phone), e);
            DeactivateOnIdle();
            throw;
        }
    }

    private static Failure InvalidPermit(DomainError? customer, DomainError? messageId, bool badType)
    {
        var v = new Validator();
        foreach (var error in new[] { customer, messageId }.OfType<DomainError>())
        {
            v.Add(error.Errors!.Keys.First(), error.Message);
        }

        v.Check(!badType, "type", "type must be 'session' or 'template'.");
        return v.ToError().ToFailure();
    }

    public ValueTask UpdateGateAsync(AccountGate gate)
    {
        KeepGate(gate);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// A template to a customer with no open window: the quota grain counts it (durably) or denies it;
    /// null when the quota knows the message id for another customer.
    /// </summary>
    private async Task<SendDecision?> AskQuotaAsync(AccountGate gate, Domain.Messaging.SendGate domainGate, CustomerId customer, MessageId id, DateTimeOffset now)
    {
        if (Domain.Onboarding.Restrictions.Active(domainGate.Restrictions.BusinessInitiatedUntil, now))
        {
            return SendDecision.Deny(DenyReason.RestrictedBusinessInitiated, "Meta restricts business-initiated messaging.",
                domainGate.Restrictions.BusinessInitiatedUntil);
        }

        var answer = await GrantWithRetryAsync(gate, new TemplateGrantRequest(Phone, customer.Value, id.Value));
        return answer.Allowed
            ? SendDecision.Allow(null, answer.TemplateRecipients is { } u ? new RecipientUsage(u.Used, u.Limit, null) : null)
            : answer.Reason == ErrorCodes.MessageIdReused ? null
            : SendDecision.Deny(DenyReason.TemplateRecipientLimitReached, answer.Detail ?? "Template recipient limit reached.", answer.RetryAt);
    }

    /// <summary>A fenced quota activation granted nothing; the retry reaches the activation that owns the quota.</summary>
    private async Task<PermitDecision> GrantWithRetryAsync(AccountGate gate, TemplateGrantRequest request)
    {
        var quota = GrainFactory.Reference<ITemplateQuotaGrain>(gate.QuotaKey);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await quota.GrantAsync(request, gate.TemplateLimit);
            }
            catch (QuotaFencedException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>The account's gate, asked for when unknown or older than the refresh period (pushes keep it current between).</summary>
    private async ValueTask<AccountGate> CurrentGateAsync(DateTimeOffset now)
    {
        if (_gate is null || now - _gateFetchedAt > options.Value.GateRefresh || now < _gateFetchedAt)
        {
            KeepGate(await GrainFactory.Reference<IAccountGrain>(state.State.Number!.Waba).GetGateAsync());
            _gateFetchedAt = now;
        }

        return _gate!;
    }

    private void KeepGate(AccountGate gate)
    {
        if (_gate is null || gate.Version >= _gate.Version)
        {
            _gate = gate;
            _domainGate = gate.ToDomain();
        }
    }
}
