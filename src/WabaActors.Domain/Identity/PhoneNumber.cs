using WabaActors.Domain.Common;

namespace WabaActors.Domain.Identity;

/// <summary>
/// An E.164 phone number: 8–15 digits with no leading 0, given with or without the <c>+</c>.
/// <see cref="Digits"/> is the canonical form used in paths and grain keys.
/// </summary>
public readonly record struct PhoneNumber
{
    private PhoneNumber(string digits) => Digits = digits;

    /// <summary>The number without the <c>+</c>, e.g. <c>420601234567</c>.</summary>
    public string Digits { get; }

    public static Result<PhoneNumber> Parse(string? input, string field = "phoneNumber")
    {
        var digits = input is ['+', .. var rest] ? rest : input;
        if (digits is null || digits.Length is < 8 or > 15 || digits[0] == '0' || !Text.IsAsciiDigits(digits))
        {
            return DomainError.Invalid(field, $"{field} must be an E.164 number: 8–15 digits, no leading 0, optional '+'.");
        }

        return new PhoneNumber(digits);
    }

    /// <summary>The number with its <c>+</c>.</summary>
    public override string ToString() => "+" + Digits;
}
