using WabaActors.Contracts;
using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Messaging;
using WabaActors.Domain.Common;
using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Numbers;
using WabaActors.Grains.Mapping;

namespace WabaActors.Grains.Numbers;

/// <summary>
/// The check before every send, one at a time or a batch per call. Each request is decided in memory
/// (<see cref="DecideAsync"/>), and only a template to a customer with no open window asks the quota
/// grain; the answer waits for the grain's <see cref="Storage.DurableTail"/>, so "allowed" is said
/// only once the grant is durable. A batch waits once, after its last decision.
/// </summary>
public sealed partial class NumberGrain
{
    public async ValueTask<Reply<PermitDecision>> RequestPermitAsync(Scope owner, PermitRequest request)
    {
        if (Owned(owner) is not { } number)
        {
            return Failures.NumberNotFound;
        }

        var decided = await DecideAsync(number, request);
        if (decided.RestsOnTail)
        {
            await DurableAsync(_tail.Current);
            metrics.Decided(decided.Reason, decided.Type);
        }

        return decided.Reply;
    }

    public async ValueTask<Reply<PermitBatch>> RequestPermitsAsync(Scope owner, IReadOnlyList<PermitRequest> requests)
    {
        if (Owned(owner) is not { } number)
        {
            return Failures.NumberNotFound;
        }

        var limit = options.Value.PermitBatchLimit;
        if (requests is null || requests.Count == 0 || requests.Count > limit)
        {
            return new Validator().Add("permits", $"A batch holds 1 to {limit} permits.").ToError().ToFailure();
        }

        var decided = new Decided[requests.Count];
        for (var i = 0; i < decided.Length; i++)
        {
            decided[i] = requests[i] is { } request ? await DecideAsync(number, request) : Decided.Refused(MissingPermit);
        }

        await DurableAsync(_tail.Current);
        var replies = new Reply<PermitDecision>[decided.Length];
        for (var i = 0; i < decided.Length; i++)
        {
            replies[i] = decided[i].Reply;
            if (decided[i].RestsOnTail)
            {
                metrics.Decided(decided[i].Reason, decided[i].Type);
            }
        }

        return new PermitBatch(replies);
    }

    public ValueTask UpdateGateAsync(AccountGate gate)
    {
        KeepGate(gate);
        return ValueTask.CompletedTask;
    }

    private static readonly Failure MissingPermit =
        new Validator().Add("permits", "Every permit of a batch is required (null found).").ToError().ToFailure();

    /// <summary>
    /// Decides one request and queues what it changed on the tail, without waiting for it: the caller
    /// waits (once per call) before it answers. A refusal (bad input, a reused message id) rests on
    /// nothing and is answered as is.
    /// </summary>
    private async ValueTask<Decided> DecideAsync(NumberRegistration number, PermitRequest request)
    {
        // Parsed directly (no validator, no closures) on the hot path; all errors are collected only
        // when something is wrong.
        var parsedCustomer = CustomerId.Parse(request.Customer);
        var parsedId = MessageId.Parse(request.MessageId);
        MessageType? parsedType = request.Type switch { "session" => MessageType.Session, "template" => MessageType.Template, _ => null };
        if (!parsedCustomer.IsSuccess || !parsedId.IsSuccess || parsedType is not { } type)
        {
            return Decided.Refused(InvalidPermit(parsedCustomer.Error, parsedId.Error, parsedType is null));
        }

        var (customer, id) = (parsedCustomer.Value, parsedId.Value);
        var now = clock.GetUtcNow();
        var replay = _ledger.Replay(id, customer, type, now);
        if (!replay.IsSuccess)
        {
            return Decided.Refused(replay.Error!.ToFailure());
        }

        if (replay.Value is { } original)
        {
            return new Decided(original.ToContract(id.Value), original.Reason, type);
        }

        var gate = await CurrentGateAsync(now);
        var domainGate = _domainGate!;
        if ((SendRules.CheckGate(domainGate) ?? SendRules.CheckNumber(number.IsRegistered)) is { } denied)
        {
            return new Decided(denied.ToContract(id.Value), denied.Reason, type);
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
            return Decided.Refused(new Failure(ErrorCodes.MessageIdReused, "This messageId was already used for another customer or message type."));
        }

        if (decision.Allowed)
        {
            _ = _tail.Append(store.AppendNumberAsync(Phone, null, _ledger.Record(id, customer, type, decision, now)).AsTask());
        }

        return new Decided(decision.ToContract(id.Value), decision.Reason, type);
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

    /// <summary>
    /// A template to a customer with no open window: the quota grain counts it (durably) or denies it;
    /// null when the quota knows the message id for another customer.
    /// </summary>
    private async Task<SendDecision?> AskQuotaAsync(AccountGate gate, SendGate domainGate, CustomerId customer, MessageId id, DateTimeOffset now)
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
            KeepGate(await GrainFactory.Reference<IAccountGrain>(Number!.Waba).GetGateAsync());
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

    /// <summary>
    /// One request decided: the answer, and for a decision (allowed or denied, new or replayed) its
    /// reason and type, counted once the tail it rests on is durable. A refusal rests on nothing.
    /// </summary>
    private readonly record struct Decided(Reply<PermitDecision> Reply, DenyReason Reason, MessageType Type, bool RestsOnTail = true)
    {
        public static Decided Refused(Failure failure) => new(failure, DenyReason.None, MessageType.Session, RestsOnTail: false);
    }
}
