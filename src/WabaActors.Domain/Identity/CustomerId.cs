using System.Globalization;
using WabaActors.Domain.Common;

namespace WabaActors.Domain.Identity;

/// <summary>
/// A WhatsApp user id (6–15 digits, no leading 0, so that the number and the text map one to one). Kept as a 64-bit integer so that the window and recipient
/// sets hold one machine word per customer instead of a string.
/// </summary>
public readonly record struct CustomerId(long Value)
{
    public static Result<CustomerId> Parse(string? input, string field = "customer")
    {
        if (input is null || input.Length is < 6 or > 15 || input[0] == '0' || !Text.IsAsciiDigits(input))
        {
            return DomainError.Invalid(field, $"{field} must be a WhatsApp user id of 6–15 digits with no leading 0.");
        }

        return new CustomerId(long.Parse(input, CultureInfo.InvariantCulture));
    }

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
