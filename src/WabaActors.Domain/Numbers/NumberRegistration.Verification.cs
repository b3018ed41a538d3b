using System.Security.Cryptography;
using System.Text;
using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Rules;

namespace WabaActors.Domain.Numbers;

/// <summary>Checking the 6-digit code: expiry, wrong tries, lockout, registration.</summary>
public sealed partial record NumberRegistration
{
    /// <summary>
    /// Checks <paramref name="input"/> against the code sent. A malformed code spends no attempt; a
    /// wrong one spends one; the last wrong one locks the code until a new one is sent; the right one
    /// registers the number and starts billing at <paramref name="now"/>.
    /// </summary>
    public VerificationOutcome Verify(string? input, WabaRules rules, DateTimeOffset now)
    {
        var unchanged = Changed<NumberRegistration>.Unchanged(this);
        if (input is null || input.Length != rules.CodeLength || !Text.IsAsciiDigits(input))
        {
            return new(unchanged, DomainError.Invalid("code", $"code must be exactly {rules.CodeLength} digits."));
        }

        if (IsRegistered)
        {
            return new(unchanged, new DomainError(ErrorCodes.NumberAlreadyVerified, "The number is already registered."));
        }

        if (Code is not { } code)
        {
            return new(unchanged, new DomainError(ErrorCodes.VerificationCodeExpired, "No code is pending; ask for a new one."));
        }

        if (code.FailedAttempts >= rules.MaxCodeAttempts)
        {
            return new(unchanged, new DomainError(ErrorCodes.TooManyAttempts, "Too many wrong codes; ask for a new code.")
            {
                // A new code may be asked for at the cool-down's end, or now if it has passed: never a past instant.
                RetryAt = NextCodeAt(rules) is { } next && next > now ? next : now,
                AttemptsLeft = 0,
            });
        }

        if (now >= code.ExpiresAt)
        {
            return new(unchanged, new DomainError(ErrorCodes.VerificationCodeExpired, "The code has expired; ask for a new one."));
        }

        if (!Matches(code.Code, input))
        {
            var spent = code with { FailedAttempts = code.FailedAttempts + 1 };
            var left = rules.MaxCodeAttempts - spent.FailedAttempts;
            var change = new Changed<NumberRegistration>(this with { Code = spent },
                [new AccountEvent(AccountEventTypes.VerificationFailed, now) { Phone = Phone, Value = left.ToString(System.Globalization.CultureInfo.InvariantCulture) }]);
            return new(change, new DomainError(ErrorCodes.InvalidVerificationCode, $"The code is wrong; {left} attempts left.") { AttemptsLeft = left });
        }

        var registered = this with { Code = null, RegisteredAt = now, BillingStartedAt = now };
        return new(new Changed<NumberRegistration>(registered,
        [
            new AccountEvent(AccountEventTypes.NumberRegistered, now) { Phone = Phone },
            new AccountEvent(AccountEventTypes.BillingStarted, now) { Phone = Phone },
        ]), null);
    }

    private static bool Matches(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));
}
