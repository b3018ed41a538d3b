using WabaActors.Contracts;
using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Messaging;
using WabaActors.Domain.Common;
using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Numbers;
using WabaActors.Domain.Templates;
using Microsoft.Extensions.Logging;
using WabaActors.Grains.Telemetry;
using WabaActors.Grains.Translation;

namespace WabaActors.Grains.Numbers;

/// <summary>
/// The check before every send, one at a time or a batch per call. The domain decides
/// (<see cref="NumberPermits"/>); this grain loads the gate, asks the quota grain when the domain says
/// so, queues a grant to persist on its <see cref="Storage.DurableTail"/>, and answers a template once the
/// tail is durable. A session permit is a read (ADR 0022): like a window read it answers from memory and
/// waits only for a write of its own (a free period it started). A batch waits once, after its last decision.
/// </summary>
public sealed partial class NumberGrain
{
    public async ValueTask<Reply<PermitDecision>> RequestPermitAsync(Scope owner, PermitRequest request, CancellationToken cancellationToken = default)
    {
        if (Owned(owner) is not { } number)
        {
            return Failures.NumberNotFound;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var decided = await DecideAsync(number, request, cancellationToken);
        if (decided.RestsOnTail)
        {
            await DurableAsync(_tail.Current);
        }

        if (decided.IsDecision)
        {
            Report(decided);
        }

        return decided.Reply;
    }

    public async ValueTask<Reply<PermitBatch>> RequestPermitsAsync(
        Scope owner, IReadOnlyList<PermitRequest> requests, CancellationToken cancellationToken = default)
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

        cancellationToken.ThrowIfCancellationRequested();
        var decided = new Decided[requests.Count];
        var restsOnTail = false;
        for (var i = 0; i < decided.Length; i++)
        {
            decided[i] = requests[i] is { } request ? await DecideAsync(number, request, cancellationToken) : Decided.Refused(MissingPermit);
            restsOnTail |= decided[i].RestsOnTail;
        }

        if (restsOnTail)
        {
            await DurableAsync(_tail.Current);
        }

        var replies = new Reply<PermitDecision>[decided.Length];
        for (var i = 0; i < decided.Length; i++)
        {
            replies[i] = decided[i].Reply;
            if (decided[i].IsDecision)
            {
                Report(decided[i]);
            }
        }

        return new PermitBatch(replies);
    }

    private static readonly Failure MissingPermit =
        new Validator().Add("permits", "Every permit of a batch is required (null found).").ToError().ToFailure();

    /// <summary>
    /// Decides one request and queues its grant on the tail without waiting for it: the caller waits
    /// (once per call) before it answers. A refusal (bad input, a reused message id) rests on nothing.
    /// </summary>
    private async ValueTask<Decided> DecideAsync(NumberRegistration number, PermitRequest request, CancellationToken cancellationToken)
    {
        if (AskOf(request) is not { } ask)
        {
            return Decided.Refused(InvalidPermit(request));
        }

        if (request.UserId is not null)
        {
            if (CustomerIdentity.ParseUserId(request.UserId, ask.Customer.IsPhone) is not { IsSuccess: true } userId)
            {
                return Decided.Refused(InvalidPermit(request));
            }

            await TeachAsync(ask.Customer, userId.Value, cancellationToken);
        }

        var now = clock.GetUtcNow();
        var gate = await CurrentGateAsync(now);
        var step = _permits.Decide(_domainGate!, number.IsRegistered, ask, now);
        if (step.Decision is { Allowed: false, Reason: DenyReason.CustomerServiceWindowClosed }
            && await LookUpAsync(ask.Customer, cancellationToken))
        {
            // Closed under every id this number knows: the directory may know another id of the person.
            now = clock.GetUtcNow();
            step = _permits.Decide(_domainGate!, number.IsRegistered, ask, now);
        }

        for (var settle = false; step.Kind == PermitStepKind.NeedsQuota; settle = true)
        {
            var answer = await GrantWithRetryAsync(gate, Customers.GrantRequest(Phone, ask, step.Aliases, settle), cancellationToken);
            step = _permits.Complete(ask, answer.ToDomain(), now, _domainGate);
            if (step.Kind == PermitStepKind.NeedsAliases)
            {
                // The directory knows more ids of the person: their windows may be open. The second ask
                // settles: the quota counts the person as its directory then knows it, with no further round.
                _permits.Learn(ask.Customer, step.Aliases, now);
                step = _permits.Decide(_domainGate!, number.IsRegistered, ask, now);
            }
        }

        ReportWindows();
        if (step.Granted is { } granted)
        {
            _ = _tail.Append(store.AppendNumberAsync(Phone, null, granted).AsTask());
        }

        if (step.IsNewGrant)
        {
            // A session grant writes nothing (a read, replayed from memory within the horizon); it still
            // counts in the month's free service messages, flushed on the timer.
            ScheduleAllowanceFlush();
        }

        if (step.Decision is not { } decision)
        {
            return Decided.Refused(step.Error!.ToFailure());
        }

        // A tenant in shadow gets a denial answered allowed, the denial beside it (ADR 0028): decided, never granted.
        var answered = decision.Under(enforcement.For(number.Tenant));

        // A template's answer rests on the tail: its grant, or for a replay or a denial grants and counts
        // still committing. A session permit is a read (ADR 0022): it waits only for what it wrote itself.
        return new Decided(answered.ToContract(ask.Id.Value), answered.Reason, ask.Type, RestsOnTail: ask.Type == MessageType.Template || step.Granted is not null)
        {
            Price = step.IsNewGrant ? decision.Price : null,
            Shadowed = answered.Shadow?.Reason ?? DenyReason.None,
        };
    }

    /// <summary>A decision counted once what it rests on is durable: its reason (none when answered allowed), a shadowed denial's own, and for a new grant its price.</summary>
    private void Report(Decided decided)
    {
        metrics.Decided(decided.Reason, decided.Type);
        if (decided.Shadowed != DenyReason.None)
        {
            metrics.ShadowDenied(decided.Shadowed, decided.Type);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                NumberLog.ShadowDenial(logger, PersonalData.Hash(Phone), Number!.Tenant, Number.Waba, decided.Type, decided.Shadowed);
            }
        }

        if (decided.Price is { } price)
        {
            metrics.Priced(price);
        }
    }

    /// <summary>The ask, or null when any part is invalid (a named template and a category are checked too).</summary>
    private static PermitAsk? AskOf(PermitRequest request)
    {
        if (PermitAsk.Of(request.Customer, request.MessageId, TypeOf(request.Type)) is not { } ask)
        {
            return null;
        }

        if (request.Template is null && request.Category is null)
        {
            return ask;
        }

        if (request.Category is { } category && !category.IsDefined())
        {
            return null;
        }

        TemplateName? template = null;
        if (request.Template is { } named)
        {
            if (TemplateName.Parse(named.Name, named.Language) is not { IsSuccess: true } parsed)
            {
                return null;
            }

            template = parsed.Value;
        }

        return ask with { Template = template, Category = request.Category?.ToDomain() };
    }

    private static Failure InvalidPermit(PermitRequest request) =>
        PermitAsk.Invalid(request.Customer, request.MessageId, TypeOf(request.Type), request.UserId,
            request.Template is { } named ? (named.Name, named.Language) : null,
            categoryUnknown: request.Category is { } category && !category.IsDefined()).ToFailure();

    private static MessageType? TypeOf(MessageKind kind) => Enum.IsDefined(kind) ? kind.ToDomain() : null;

    /// <summary>A fenced quota activation granted nothing; the retry reaches the activation that owns the quota.</summary>
    private async Task<TemplateGrant> GrantWithRetryAsync(AccountGate gate, TemplateGrantRequest request, CancellationToken cancellationToken)
    {
        var quota = GrainFactory.Reference<ITemplateQuotaGrain>(gate.QuotaKey);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await quota.GrantAsync(request, gate.TemplateLimit, cancellationToken);
            }
            catch (QuotaFencedException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>
    /// One request decided: the answer, and for a decision (allowed or denied, new or replayed) its
    /// reason and type, counted once the tail it rests on (if any) is durable. A refusal is no decision.
    /// </summary>
    private readonly record struct Decided(Reply<PermitDecision> Reply, DenyReason Reason, MessageType Type, bool RestsOnTail, bool IsDecision = true)
    {
        public Domain.Pricing.Price? Price { get; init; }

        /// <summary>For a denial answered allowed in shadow mode: its reason (<see cref="Reason"/> is then none).</summary>
        public DenyReason Shadowed { get; init; }

        public static Decided Refused(Failure failure) => new(failure, DenyReason.None, MessageType.Session, RestsOnTail: false, IsDecision: false);
    }
}
