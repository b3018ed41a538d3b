using WabaActors.Domain.Common;

namespace WabaActors.Domain.Identity;

/// <summary>The caller's id of one message (1–256 characters, no control characters): the idempotency key.</summary>
public readonly record struct MessageId
{
    public const int MaxLength = 256;

    private MessageId(string value) => Value = value;

    public string Value { get; }

    public static Result<MessageId> Parse(string? input, string field = "messageId")
    {
        if (string.IsNullOrEmpty(input) || input.Length > MaxLength || HasControl(input))
        {
            return DomainError.Invalid(field, $"{field} must be 1–{MaxLength} characters with no control characters.");
        }

        return new MessageId(input);
    }

    public override string ToString() => Value;

    /// <summary>Any of <see cref="char.IsControl(char)"/>'s characters (C0 and C1), vectorised: this runs on every permit.</summary>
    private static bool HasControl(string input) =>
        input.AsSpan().ContainsAnyInRange('\u0000', '\u001F') || input.AsSpan().ContainsAnyInRange('\u007F', '\u009F');
}
