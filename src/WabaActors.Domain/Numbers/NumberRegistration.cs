using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Rules;

namespace WabaActors.Domain.Numbers;

/// <summary>
/// One phone number's registration: verification by a code, then registered (billing starts at
/// that instant), and its display name with the review. Immutable, like <see cref="Onboarding.Account"/>.
/// </summary>
public sealed partial record NumberRegistration(string Phone, string Tenant, string Waba, VerificationMethod Method, DateTimeOffset AddedAt)
{
    public PendingCode? Code { get; init; }
    public DateTimeOffset? RegisteredAt { get; init; }

    /// <summary>Billing starts when registration succeeds (the API client is created), before any API key.</summary>
    public DateTimeOffset? BillingStartedAt { get; init; }

    public DisplayName? DisplayName { get; init; }

    public NumberStatus Status => RegisteredAt is null ? NumberStatus.CodeSent : NumberStatus.Registered;

    public bool IsRegistered => RegisteredAt is not null;

    /// <summary>Attempts left on the current code, null when there is none.</summary>
    public int? AttemptsLeft(WabaRules rules) => Code is null ? null : Math.Max(0, rules.MaxCodeAttempts - Code.FailedAttempts);

    /// <summary>
    /// Validates a request to register a number: the method, and the attestation that the number
    /// is not in use in a WhatsApp app. Voice without the IVR switched off adds a warning.
    /// </summary>
    public static Result<(NumberRegistration Number, IReadOnlyList<string> Warnings)> Start(
        string phone, string tenant, string waba, string? method, bool? inUseInWhatsAppApp, bool? ivrDisabled, DateTimeOffset now)
    {
        var v = new Validator();
        VerificationMethod? parsed = method switch
        {
            "sms" => VerificationMethod.Sms,
            "voice" => VerificationMethod.Voice,
            _ => null,
        };
        v.Check(parsed is not null, "verificationMethod", "verificationMethod must be 'sms' (recommended) or 'voice'.");
        v.Check(inUseInWhatsAppApp is not null, "inUseInWhatsAppApp", "inUseInWhatsAppApp is required: is the number in use in a WhatsApp app now?");
        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (inUseInWhatsAppApp is true)
        {
            return new DomainError(ErrorCodes.NumberInUseInWhatsAppApp,
                "The number is in use in the WhatsApp or WhatsApp Business app; delete that account first.");
        }

        IReadOnlyList<string> warnings = parsed == VerificationMethod.Voice && ivrDisabled is not true
            ? [NumberWarnings.IvrMayBlockVoiceCall]
            : [];
        return (new NumberRegistration(phone, tenant, waba, parsed!.Value, now), warnings);
    }

    /// <summary>
    /// Records that a code was sent (<paramref name="code"/> itself when the gateway told it, else null).
    /// Refused within the cool-down after the last code (the first included) and once the number is registered.
    /// </summary>
    public Result<Changed<NumberRegistration>> CodeSent(string? code, WabaRules rules, DateTimeOffset now)
    {
        if (RefuseCode(rules, now) is { } refused)
        {
            return refused;
        }

        var pending = new PendingCode(code, now, now + rules.CodeTtl);
        return new Changed<NumberRegistration>(this with { Code = pending },
            [new AccountEvent(AccountEventTypes.VerificationCodeSent, now) { Phone = Phone, Value = SnakeCase.Of(Method) }]);
    }

    /// <summary>Why no code may be sent now (registered, or within the cool-down), or null when one may.</summary>
    public DomainError? RefuseCode(WabaRules rules, DateTimeOffset now)
    {
        if (IsRegistered)
        {
            return new DomainError(ErrorCodes.NumberAlreadyVerified, "The number is already registered.");
        }

        return Code is { } last && now < last.SentAt + rules.CodeResendCooldown
            ? new DomainError(ErrorCodes.CodeResendTooSoon, "A code was sent moments ago; wait before asking for another.")
            {
                RetryAt = last.SentAt + rules.CodeResendCooldown,
            }
            : null;
    }

    /// <summary>When the next code may be sent.</summary>
    public DateTimeOffset? NextCodeAt(WabaRules rules) => Code?.SentAt + rules.CodeResendCooldown;
}
