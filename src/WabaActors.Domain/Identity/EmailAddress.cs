using WabaActors.Domain.Common;

namespace WabaActors.Domain.Identity;

/// <summary>An e-mail address, checked for shape only (the confirmation e-mail proves it).</summary>
public readonly record struct EmailAddress
{
    private EmailAddress(string value) => Value = value;

    public string Value { get; }

    public static Result<EmailAddress> Parse(string? input)
    {
        var value = input?.Trim();
        var at = value?.IndexOf('@') ?? -1;
        var ok = value is { Length: >= 3 and <= 254 }
            && at > 0
            && at == value.LastIndexOf('@')
            && value.IndexOf('.', at) > at + 1
            && !value.EndsWith('.')
            && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
        return ok
            ? new EmailAddress(value!)
            : DomainError.Invalid("email", "email must be an address like name@example.com (at most 254 characters).");
    }

    public override string ToString() => Value;
}
