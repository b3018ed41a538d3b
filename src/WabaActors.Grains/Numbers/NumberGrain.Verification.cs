using WabaActors.Contracts.Common;
using WabaActors.Contracts.Numbers;
using WabaActors.Domain.Common;
using WabaActors.Domain.Numbers;
using WabaActors.Grains.Gateway;
using WabaActors.Grains.Telemetry;
using WabaActors.Grains.Translation;

namespace WabaActors.Grains.Numbers;

/// <summary>
/// The code and registration through the gateway (ADR 0010): the domain refuses what it can first, the
/// gateway sends or checks, and its answer goes back to the domain. A gateway failure writes nothing
/// and spends no attempt; the user gets <c>gateway_unavailable</c> (503) or <c>gateway_error</c> (502).
/// </summary>
public sealed partial class NumberGrain
{
    public async ValueTask<Reply<NumberView>> ResendCodeAsync(Scope owner)
    {
        if (Owned(owner) is not { } number)
        {
            return Failures.NumberNotFound;
        }

        // Check the cool-down before asking the gateway, so a refused resend sends nothing.
        if (number.RefuseCode(rules, clock.GetUtcNow()) is { } refused)
        {
            return refused.ToFailure();
        }

        var issued = await gateway.RequestCodeAsync(Phone, number.Method, rules.CodeLength);
        return issued.Failure is { } failed
            ? GatewayFailed(GatewayOperation.RequestCode, failed)
            : await ApplyAsync(owner, number.CodeSent(issued.Value!.Code, rules, clock.GetUtcNow()));
    }

    public async ValueTask<Reply<NumberView>> VerifyAsync(Scope owner, string? code)
    {
        if (Owned(owner) is not { } number)
        {
            return Failures.NumberNotFound;
        }

        if (number.RefuseVerification(code, rules, clock.GetUtcNow()) is { } refused)
        {
            return refused.ToFailure();
        }

        var pending = number.Code!;
        if (!pending.Accepted)
        {
            var check = await gateway.VerifyCodeAsync(Phone, code!, new IssuedCode(pending.Code));
            if (check.Failure is { } failed)
            {
                return GatewayFailed(GatewayOperation.VerifyCode, failed);
            }

            if (check.Value == CodeVerdict.Rejected)
            {
                var outcome = number.CodeRejected(rules, clock.GetUtcNow());
                await ApplyAsync(owner, outcome.Change);
                return outcome.Error!.ToFailure();
            }
        }

        return await RegisterAsync(owner, number);
    }

    /// <summary>
    /// The code is accepted: register, then read when billing started (the provider's figure; now when
    /// it has none or cannot say). If registration fails, the acceptance is kept so a retry only registers.
    /// </summary>
    private async ValueTask<Reply<NumberView>> RegisterAsync(Scope owner, NumberRegistration number)
    {
        var registered = await gateway.RegisterAsync(Phone);
        if (registered.Failure is { } failed)
        {
            var accepted = number.CodeAccepted();
            if (accepted.State != number)
            {
                Number = accepted.State;
                await WriteAsync();
            }

            return GatewayFailed(GatewayOperation.Register, failed);
        }

        var channel = await gateway.GetChannelAsync(Phone);
        if (channel.Failure is { } unread)
        {
            NumberLog.BillingStartUnknown(logger, PersonalData.Hash(Phone), unread.Reason);
        }

        var now = clock.GetUtcNow();
        var billingStartedAt = channel.Value?.BillingStartedAt ?? now;
        return await ApplyAsync(owner, number.Registered(now, billingStartedAt), registered: true);
    }

    private Failure GatewayFailed(GatewayOperation operation, GatewayFailure failure)
    {
        NumberLog.GatewayFailed(logger, PersonalData.Hash(Phone), operation, failure.Kind, failure.Reason);
        var (code, message) = failure.Kind == GatewayFailureKind.Unavailable
            ? (ErrorCodes.GatewayUnavailable, $"WhatsApp's gateway is unavailable ({failure.Reason}); nothing changed and no attempt was spent. Try again shortly.")
            : (ErrorCodes.GatewayError, $"WhatsApp's gateway answered unexpectedly ({failure.Reason}); nothing changed and no attempt was spent.");
        return new Failure(code, message)
        {
            RetryAt = failure.RetryAfter is { } wait ? clock.GetUtcNow() + wait : null,
        };
    }
}
