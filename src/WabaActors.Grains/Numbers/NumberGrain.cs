using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WabaActors.Contracts;
using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Numbers;
using WabaActors.Contracts.Webhooks;
using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Numbers;
using WabaActors.Domain.Rules;
using WabaActors.Grains.Accounts;
using WabaActors.Grains.Gateway;
using WabaActors.Grains.Rollout;
using WabaActors.Grains.Translation;
using WabaActors.Grains.Storage;
using WabaActors.Grains.Faults;
using WabaActors.Grains.Telemetry;
using WabaActors.Grains.Time;

namespace WabaActors.Grains.Numbers;

/// <summary>
/// One phone number (key: E.164 digits). Registration and display name are small state written
/// whole; windows and grants live in memory and are persisted as deltas (<see cref="IMessagingStore"/>).
/// </summary>
public sealed partial class NumberGrain(
    [PersistentState("number", StorageNames.Grains)] IPersistentState<NumberGrainState> state,
    IMessagingStore store,
    IWhatsAppGateway gateway,
    WabaRules rules,
    [FromKeyedServices(WabaClock.Key)] TimeProvider clock,
    IOptions<GrainOptions> options,
    IOptions<WebhookDedupeOptions> dedupe,
    GrainMetrics metrics,
    TenantEnforcement enforcement,
    FaultLog faults,
    ILogger<NumberGrain> logger) : Grain, INumberGrain, IRemindable
{
    private readonly NumberPermits _permits = new(rules);
    private readonly InboundLedger _inbound = new(rules.ServiceWindow);
    private readonly DurableTail _tail = new();
    private AccountGate? _gate;
    private SendGate? _domainGate;
    private DateTimeOffset _gateFetchedAt;
    private int _windowsReported;

    private string? _phone;
    private NumberRegistration? _number;

    /// <summary>The key, decoded once (Orleans decodes it from the grain id's bytes on every read).</summary>
    private string Phone => _phone ??= this.GetPrimaryKeyString();

    /// <summary>
    /// The registration, as in the persisted state and set only through here. Every permit reads it
    /// (owner, registered): held in a field it is one load from the grain, where through the state
    /// bridge it is four dependent loads, each a likely cache miss on a silo of many numbers.
    /// </summary>
    private NumberRegistration? Number
    {
        get => _number;
        set => _number = state.State.Number = value;
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _number = state.State.Number;
        var loadedAt = clock.GetUtcNow();
        var journal = await store.LoadNumberAsync(Phone, loadedAt, cancellationToken);
        foreach (var change in journal.Windows)
        {
            _permits.Apply(change);
        }

        foreach (var grant in journal.Grants)
        {
            _permits.Apply(grant, loadedAt);
        }

        foreach (var verdict in journal.Verdicts)
        {
            _permits.Verdicts.Apply(verdict, loadedAt);
        }

        if (journal.Allowance is { } allowance)
        {
            _permits.Allowance.Restore(allowance.Month, allowance.Used);
        }

        foreach (var id in journal.InboundIds)
        {
            _inbound.Apply(id);
        }

        ReportWindows();
        NumberLog.Activated(logger, PersonalData.Hash(Phone), journal.Windows.Count, journal.Grants.Count);
        if (state.State.Outbox.Count > 0)
        {
            // Not awaited here: the account may be waiting on this number (reading its view), and an
            // activating grain answers nothing until OnActivateAsync returns. A timer runs it next.
            this.RegisterGrainTimer(_ => FlushOutboxAsync(), new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.WindowsHeld(-_windowsReported);
        _windowsReported = 0;
        await FlushAllowanceAsync();
    }

    /// <summary>Moves the active-windows gauge by what this grain's window count changed since it last reported (no-op when unchanged).</summary>
    private void ReportWindows()
    {
        var tracked = _permits.Windows.Tracked;
        if (tracked != _windowsReported)
        {
            metrics.WindowsHeld(tracked - _windowsReported);
            _windowsReported = tracked;
        }
    }

    public async ValueTask<Reply<NumberClaimed>> ClaimAsync(NumberClaim claim)
    {
        var now = clock.GetUtcNow();
        if (Number is { } existing)
        {
            return existing.Tenant == claim.Owner.Tenant && existing.Waba == claim.Owner.Waba
                ? new NumberClaimed(existing.ToView(rules, now), [])
                : new Failure(ErrorCodes.NumberAlreadyRegistered, "The number already belongs to another account.");
        }

        var r = claim.Request;
        var started = NumberRegistration.Start(Phone, claim.Owner.Tenant, claim.Owner.Waba, r.VerificationMethod, r.InUseInWhatsAppApp, r.IvrDisabled, now);
        if (!started.IsSuccess)
        {
            return started.Error!.ToFailure();
        }

        var (number, warnings) = started.Value;
        var issued = await gateway.RequestCodeAsync(Phone, number.Method, rules.CodeLength);
        if (issued.Failure is { } failed)
        {
            // Nothing is written: the number stays unclaimed and the account adds nothing.
            return GatewayFailed(GatewayOperation.RequestCode, failed);
        }

        var sent = number.CodeSent(issued.Value!.Code, rules, clock.GetUtcNow()).Value;
        Number = sent.State;
        await WriteAsync();
        return new Reply<NumberClaimed>(new NumberClaimed(sent.State.ToView(rules, now), [.. sent.Events.Select(e => e.ToEntry())]), null)
        {
            Created = true,
            Warnings = warnings,
        };
    }

    public ValueTask<Reply<NumberView>> GetAsync(Scope owner) =>
        ValueTask.FromResult(Owned(owner) is { } n ? Reply<NumberView>.Ok(n.ToView(rules, clock.GetUtcNow())) : Failures.NumberNotFound);

    public ValueTask<Reply<NumberView>> SetDisplayNameAsync(Scope owner, string? name) =>
        Owned(owner) is { } n ? ApplyAsync(owner, n.SubmitDisplayName(name, rules, clock.GetUtcNow())) : ValueTask.FromResult<Reply<NumberView>>(Failures.NumberNotFound);

    public ValueTask<Reply<NumberView>> DecideDisplayNameAsync(Scope owner, ReviewDecisionRequest request)
    {
        if (Owned(owner) is not { } n)
        {
            return ValueTask.FromResult<Reply<NumberView>>(Failures.NumberNotFound);
        }

        var reason = Text.ParseOptional(request.Reason, "reason");
        Result<Changed<NumberRegistration>> result = Parse.Decision(request.Decision) is not { } decision
            ? DomainError.Invalid("decision", "decision must be 'approved' or 'rejected'.")
            : !reason.IsSuccess ? DomainError.Invalid("reason", reason.Error!.Message) : n.DecideDisplayName(decision, reason.Value, clock.GetUtcNow());
        return ApplyAsync(owner, result);
    }

    public async ValueTask<Reply<WebhookResult>> ApplyMetaDisplayNameAsync(Scope owner, DisplayNameDecision request)
    {
        if (Owned(owner) is not { } n)
        {
            return Failures.NumberNotFound;
        }

        var reason = Text.ParseOptional(request.Reason, "reason");
        Result<Changed<NumberRegistration>> result = Parse.Decision(request.Decision) is not { } decision
            ? DomainError.Invalid("decision", "decision must be 'approved' or 'rejected'.")
            : !reason.IsSuccess ? DomainError.Invalid("reason", reason.Error!.Message)
            : n.ApplyMetaDisplayNameDecision(decision, request.RequestedName, reason.Value, clock.GetUtcNow());
        if (!result.IsSuccess)
        {
            return result.Error!.ToFailure();
        }

        // The decision's digest is kept here, written with the decision itself: a crash at any point
        // leaves both or neither, so Meta's redelivery is recognized (ADR 0027). The account's own set
        // still answers for digests it stored before this number kept them (request.SeenBefore).
        var now = clock.GetUtcNow();
        var seen = state.State.SeenDisplayNames;
        var seenBefore = request.SeenBefore || (request.Digest is { } digest && SeenWebhooks.Contains(seen, digest, now, dedupe.Value));
        var outcome = Redelivery.Classify(n, result.Value, seenBefore);
        if (outcome == ChangeOutcome.Duplicate)
        {
            return WebhookResult.Duplicate;
        }

        if (request.Digest is { } applied)
        {
            SeenWebhooks.Add(seen, applied, now, dedupe.Value);
        }

        if (outcome == ChangeOutcome.Unchanged)
        {
            if (request.Digest is not null)
            {
                await WriteAsync();
            }

            return WebhookResult.Unchanged;
        }

        var view = await ApplyAsync(owner, result);
        return view.IsSuccess ? WebhookResult.Applied : view.Failure!;
    }

    public ValueTask<string?> GetSimulatedCodeAsync() => ValueTask.FromResult(Number?.Code?.Code);

    private NumberRegistration? Owned(Scope owner) =>
        Number is { } n && n.Tenant == owner.Tenant && n.Waba == owner.Waba ? n : null;
}
