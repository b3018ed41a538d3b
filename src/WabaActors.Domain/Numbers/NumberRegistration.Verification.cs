using System.Security.Cryptography;
using System.Text;
using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Rules;

namespace WabaActors.Domain.Numbers;

/// <summary>
/// Checking the 6-digit code: expiry, wrong tries, lockout, registration. Whoever compares the code
/// (the gateway, ADR 0010) reports accepted or rejected; the rules around it stay here.
/// </summary>
public sealed partial record NumberRegistration
{
    /// <summary>
    /// Checks <paramref name="input"/> against the code held locally (the simulated gateway's way):
    /// <see cref="RefuseVerification"/>, then <see cref="CodeRejected"/> or <see cref="Registered"/> at <paramref name="now"/>.
    /// </summary>
    public VerificationOutcome Verify(string? input, WabaRules rules, DateTimeOffset now)
    {
        if (RefuseVerification(input, rules, now) is { } refused)
        {
            return new(Changed<NumberRegistration>.Unchanged(this), refused);
        }

        return Code!.Accepted || (Code.Code is { } expected && Matches(expected, input!))
            ? new(Registered(now, now), null)
            : CodeRejected(rules, now);
    }

    /// <summary>
    /// Why <paramref name="input"/> may not even be checked (spending no attempt): malformed, already
    /// registered, no code pending, locked after the last wrong try, expired. Null when it may be checked.
    /// A code the provider already accepted skips the expiry and lock checks (registration is what is left).
    /// </summary>
    public DomainError? RefuseVerification(string? input, WabaRules rules, DateTimeOffset now)
    {
        if (input is null || input.Length != rules.CodeLength || !Text.IsAsciiDigits(input))
        {
            return DomainError.Invalid("code", $"code must be exactly {rules.CodeLength} digits.");
        }

        if (IsRegistered)
        {
            return new DomainError(ErrorCodes.NumberAlreadyVerified, "The number is already registered.");
        }

        if (Code is not { } code)
        {
            return new DomainError(ErrorCodes.VerificationCodeExpired, "No code is pending; ask for a new one.");
        }

        if (code.Accepted)
        {
            return null;
        }

        if (code.FailedAttempts >= rules.MaxCodeAttempts)
        {
            return new DomainError(ErrorCodes.TooManyAttempts, "Too many wrong codes; ask for a new code.")
            {
                // A new code may be asked for at the cool-down's end, or now if it has passed: never a past instant.
                RetryAt = NextCodeAt(rules) is { } next && next > now ? next : now,
                AttemptsLeft = 0,
            };
        }

        return now >= code.ExpiresAt
            ? new DomainError(ErrorCodes.VerificationCodeExpired, "The code has expired; ask for a new one.")
            : null;
    }

    /// <summary>A wrong code: spends one attempt; the last one locks the code until a new one is sent.</summary>
    public VerificationOutcome CodeRejected(WabaRules rules, DateTimeOffset now)
    {
        var spent = Code! with { FailedAttempts = Code.FailedAttempts + 1 };
        var left = rules.MaxCodeAttempts - spent.FailedAttempts;
        var change = new Changed<NumberRegistration>(this with { Code = spent },
            [new AccountEvent(AccountEventTypes.VerificationFailed, now) { Phone = Phone, Value = left.ToString(System.Globalization.CultureInfo.InvariantCulture) }]);
        return new(change, new DomainError(ErrorCodes.InvalidVerificationCode, $"The code is wrong; {left} attempts left.") { AttemptsLeft = left });
    }

    /// <summary>The provider accepted the code but registration has not completed: the next try only registers.</summary>
    public Changed<NumberRegistration> CodeAccepted() =>
        Code is { Accepted: false } code ? new(this with { Code = code with { Accepted = true } }, []) : Changed<NumberRegistration>.Unchanged(this);

    /// <summary>
    /// The number is registered at <paramref name="now"/>; billing started at <paramref name="billingStartedAt"/>
    /// (the provider's figure when it has one, else <paramref name="now"/>).
    /// </summary>
    public Changed<NumberRegistration> Registered(DateTimeOffset now, DateTimeOffset billingStartedAt)
    {
        var registered = this with { Code = null, RegisteredAt = now, BillingStartedAt = billingStartedAt };
        return new Changed<NumberRegistration>(registered,
        [
            new AccountEvent(AccountEventTypes.NumberRegistered, now) { Phone = Phone },
            new AccountEvent(AccountEventTypes.BillingStarted, billingStartedAt) { Phone = Phone },
        ]);
    }

    private static bool Matches(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));
}
