using WabaActors.Contracts;
using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Numbers;
using WabaActors.Domain.Events;
using WabaActors.Domain.Identity;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Numbers;
using WabaActors.Grains.Translation;
using WabaActors.Grains.Portfolios;
using WabaActors.Grains.Telemetry;

namespace WabaActors.Grains.Accounts;

/// <summary>Step 4: numbers join the account; their changes come back as history entries.</summary>
public sealed partial class AccountGrain
{
    public async ValueTask<Reply<NumberView>> AddNumberAsync(string tenant, AddNumberRequest request)
    {
        if (Owned(tenant) is not { } account)
        {
            return Failures.AccountNotFound;
        }

        var now = clock.GetUtcNow();
        var phone = PhoneNumber.Parse(request.PhoneNumber);
        if (!phone.IsSuccess)
        {
            return phone.Error!.ToFailure();
        }

        // Validate the request the way the number will, so bad input is refused before any step check.
        var digits = phone.Value.Digits;
        var start = NumberRegistration.Start(digits, tenant, Waba, request.VerificationMethod, request.InUseInWhatsAppApp, request.IvrDisabled, now);
        if (!start.IsSuccess)
        {
            return start.Error!.ToFailure();
        }

        var number = GrainFactory.Reference<INumberGrain>(digits);
        var scope = new Scope(tenant, Waba);
        if (account.FindNumber(digits) is not null)
        {
            return await number.GetAsync(scope);
        }

        var added = account.AddNumber(digits, rules, now);
        if (!added.IsSuccess)
        {
            return added.Error!.ToFailure();
        }

        // Under a portfolio number limit the portfolio counts the number first, atomically across its
        // members. If the claim below throws, the reservation stays: one too many counted, never too few.
        var reserved = await ReserveNumberAsync(account, digits);
        if (reserved is { IsSuccess: false })
        {
            return reserved.Failure!;
        }

        var claimed = await number.ClaimAsync(new NumberClaim(scope, request with { PhoneNumber = digits }));
        if (!claimed.IsSuccess)
        {
            if (reserved is not null)
            {
                await ReleaseNumberAsync(account, digits);
            }

            return claimed.Failure!;
        }

        var numberEvents = claimed.Value!.Events.Select(e => e.ToDomain());
        var next = reserved?.Value is { } limits ? added.Value.State.HearPortfolio(limits.ToDomain()).State : added.Value.State;
        await SaveAsync(new Changed<Account>(next, [.. added.Value.Events, .. numberEvents]));
        if (reserved is not null)
        {
            _reported = next.AsPortfolioMember();
        }

        return new Reply<NumberView>(claimed.Value.Number, null) { Created = claimed.Created, Warnings = claimed.Warnings };
    }

    public async ValueTask<AccountGate> NumberChangedAsync(string phone, IReadOnlyList<HistoryEntry> events, bool registered)
    {
        if (state.State.Account is not { } account || account.FindNumber(phone) is null)
        {
            return Gate();
        }

        var now = clock.GetUtcNow();
        var reported = account.NumberReported(phone, [.. events.Select(e => new NumberedEvent(e.Sequence, e.ToDomain()))]);
        if (reported.Events.Count < events.Count)
        {
            AccountLog.RedeliverySkipped(logger, Waba, PersonalData.Hash(phone), events.Count - reported.Events.Count);
        }

        var change = registered ? reported.State.NumberRegistered(phone, rules, now) : Changed<Account>.Unchanged(reported.State);
        await SaveAsync(change with { Events = [.. reported.Events, .. change.Events] }, skipGateFor: phone);
        return Gate();
    }
}
