namespace WabaActors.Domain.Common;

/// <summary>Free-text rules of the contract: bounded length, no control characters.</summary>
public static class Text
{
    public const int MaxShort = 256;
    public const int MaxDescription = 2048;

    /// <summary>1–<paramref name="max"/> characters after trimming, no control characters (line breaks only when allowed).</summary>
    public static Result<string> Parse(string? input, string what, int max = MaxShort, bool allowLineBreaks = false)
    {
        var value = input?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return new DomainError(ErrorCodes.ValidationFailed, $"{what} is required.");
        }

        if (value.Length > max)
        {
            return new DomainError(ErrorCodes.ValidationFailed, $"{what} must be at most {max} characters.");
        }

        foreach (var c in value)
        {
            var lineBreak = c is '\n' or '\r' or '\t';
            if (char.IsControl(c) && !(allowLineBreaks && lineBreak))
            {
                return new DomainError(ErrorCodes.ValidationFailed, $"{what} must not contain control characters.");
            }
        }

        return value;
    }

    /// <summary>Like <see cref="Parse"/>, but an absent value is fine (null).</summary>
    public static Result<string?> ParseOptional(string? input, string what, int max = MaxShort)
    {
        if (input is null)
        {
            return (string?)null;
        }

        var parsed = Parse(input, what, max);
        return parsed.IsSuccess ? parsed.Value : parsed.Error!;
    }

    /// <summary>
    /// A value from outside (Meta's, say) made safe to keep in the history: control characters
    /// dropped, at most <paramref name="max"/> characters.
    /// </summary>
    public static string Clean(string value, int max = MaxShort)
    {
        var kept = new string([.. value.Where(c => !char.IsControl(c))]).Trim();
        return kept.Length <= max ? kept : kept[..max];
    }

    internal static bool IsAsciiDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
