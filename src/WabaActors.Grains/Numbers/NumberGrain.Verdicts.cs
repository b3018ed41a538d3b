using WabaActors.Contracts;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Messaging;
using WabaActors.Domain.Common;
using WabaActors.Domain.Identity;
using WabaActors.Domain.Verdicts;
using WabaActors.Grains.Storage;
using WabaActors.Grains.Translation;

namespace WabaActors.Grains.Numbers;

/// <summary>
/// Meta's verdicts on earlier sends (the domain's <see cref="CustomerVerdicts"/> decides; this persists them on
/// the tail and answers once durable), the service allowance's periodic flush, and what the operator page shows.
/// </summary>
public sealed partial class NumberGrain
{
    private IGrainTimer? _allowanceTimer;

    public async ValueTask<Reply<OutcomeResult>> RecordOutcomeAsync(Scope owner, SendOutcome outcome, CancellationToken cancellationToken = default)
    {
        if (Owned(owner) is null)
        {
            return Failures.NumberNotFound;
        }

        var v = new Validator();
        var id = v.Parse("messageId", () => MessageId.Parse(outcome.MessageId));
        var customer = v.Parse("customer", () => CustomerIdentity.Parse(outcome.Customer));
        var userId = outcome.UserId is null ? (CustomerIdentity?)null
            : v.Parse("userId", () => CustomerIdentity.ParseUserId(outcome.UserId, v.IsValid ? customer.IsPhone : null));
        v.Check(Enum.IsDefined(outcome.Status), "status", "status must be 'sent', 'delivered', 'read' or 'failed'.");
        v.Check(outcome.ErrorCode is null or > 0, "errorCode", "errorCode is Meta's positive error code.");
        if (!v.IsValid)
        {
            return v.ToError().ToFailure();
        }

        var now = clock.GetUtcNow();
        var at = outcome.At ?? now;
        if (at > now + rules.FutureTimestampTolerance)
        {
            return new Failure(ErrorCodes.TimestampInFuture, "The outcome's timestamp lies in the future.");
        }

        if (userId is { } bsuid)
        {
            await TeachAsync(customer, bsuid, cancellationToken);
        }

        var step = _permits.Verdicts.Outcome(id, customer, outcome.Status.ToDomain(), outcome.ErrorCode, at, clock.GetUtcNow());
        if (step.Effect == VerdictEffect.WindowClosed)
        {
            var closed = await CloseWindowAsync(owner, outcome.Customer, at);
            return closed.IsSuccess ? new OutcomeResult(OutcomeEffect.WindowClosed) : closed.Failure!;
        }

        var kept = await KeepAsync(step);
        if (step is { Effect: VerdictEffect.MarketingLimited, Changed: { } limited })
        {
            await ShareAsync(owner, new SharedVerdict(outcome.Customer, new DateTimeOffset(limited.AtTicks, TimeSpan.Zero), limited.OutcomeDigest));
        }

        return kept;
    }

    public async ValueTask LearnVerdictAsync(Scope owner, SharedVerdict verdict)
    {
        if (Owned(owner) is null || CustomerIdentity.Parse(verdict.Customer) is not { IsSuccess: true } customer)
        {
            return;
        }

        var learned = new CustomerVerdict(customer.Value, VerdictKind.MarketingLimited, verdict.At.UtcTicks, verdict.OutcomeDigest);
        await KeepAsync(_permits.Verdicts.Apply(learned, clock.GetUtcNow()));
    }

    /// <summary>Hands a 131049 to the account's other numbers before the verdict is answered; a failure is logged (best effort).</summary>
    private async Task ShareAsync(Scope owner, SharedVerdict verdict)
    {
        try
        {
            await GrainFactory.Reference<IAccountGrain>(owner.Waba).ShareVerdictAsync(Phone, verdict);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            NumberLog.VerdictShareFailed(logger, Telemetry.PersonalData.Hash(Phone), owner.Waba, e);
        }
    }

    public async ValueTask<Reply<OutcomeResult>> SetMarketingPreferenceAsync(Scope owner, MarketingPreference preference, CancellationToken cancellationToken = default)
    {
        if (Owned(owner) is null)
        {
            return Failures.NumberNotFound;
        }

        var v = new Validator();
        var customer = v.Parse("customer", () => CustomerIdentity.Parse(preference.Customer));
        var userId = preference.UserId is null ? (CustomerIdentity?)null
            : v.Parse("userId", () => CustomerIdentity.ParseUserId(preference.UserId, v.IsValid ? customer.IsPhone : null));
        v.Check(preference.At != default, "timestamp", "timestamp is required.");
        if (!v.IsValid)
        {
            return v.ToError().ToFailure();
        }

        if (preference.At > clock.GetUtcNow() + rules.FutureTimestampTolerance)
        {
            return new Failure(ErrorCodes.TimestampInFuture, "The preference's timestamp lies in the future.");
        }

        if (userId is { } bsuid)
        {
            await TeachAsync(customer, bsuid, cancellationToken);
        }

        return await KeepAsync(_permits.Verdicts.Preference(customer, preference.Stop, preference.At, clock.GetUtcNow()));
    }

    public ValueTask<Reply<NumberActivity>> GetActivityAsync(Scope owner)
    {
        if (Owned(owner) is null)
        {
            return ValueTask.FromResult<Reply<NumberActivity>>(Failures.NumberNotFound);
        }

        var now = clock.GetUtcNow();
        var billable = _permits.Billable.Last24Hours(now)
            .Select(c => new BillableCount(c.Key.ToContract(), c.Value)).OrderBy(c => c.Category).ToList();
        var verdicts = _permits.Verdicts.InForce(now).ToList();
        var page = verdicts.OrderByDescending(x => x.Since).Take(options.Value.ActivityVerdictPage)
            .Select(x => new CustomerVerdictView(x.Customer.ToString(), x.Kind.ToReason(), x.Since, x.Until)).ToList();
        return ValueTask.FromResult<Reply<NumberActivity>>(new NumberActivity(billable, page, verdicts.Count));
    }

    /// <summary>Persists what a verdict changed (on the tail, like windows) and answers once it is durable.</summary>
    private async Task<Reply<OutcomeResult>> KeepAsync(VerdictStep step)
    {
        var written = step.Changed is { } changed ? _tail.Append(store.AppendVerdictAsync(Phone, changed).AsTask()) : _tail.Current;
        await DurableAsync(written);
        if (step.Changed is not null)
        {
            metrics.Verdict(step.Effect);
        }

        return new OutcomeResult(step.Effect.ToContract(), step.Until);
    }

    /// <summary>After a send priced under the monthly allowance: the count is written within the flush interval.</summary>
    private void ScheduleAllowanceFlush()
    {
        if (_allowanceTimer is null && _permits.Allowance.Dirty)
        {
            var every = options.Value.AllowanceFlushInterval;
            _allowanceTimer = this.RegisterGrainTimer(_ => FlushAllowanceAsync(), new GrainTimerCreationOptions(every, every) { Interleave = true });
        }
    }

    private async Task FlushAllowanceAsync()
    {
        var allowance = _permits.Allowance;
        if (!allowance.Dirty)
        {
            return;
        }

        allowance.Flushed();
        try
        {
            await store.SaveAllowanceAsync(Phone, new ServiceAllowanceCount(allowance.Month, allowance.Used));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Informational only: the next flush writes the count again. An outage is counted, not logged per number.
            if (!faults.TryRecord(e, Faults.FaultSource.AllowanceFlush))
            {
                NumberLog.AllowanceFlushFailed(logger, Telemetry.PersonalData.Hash(Phone), e);
            }

            allowance.Touch();
        }
    }
}
