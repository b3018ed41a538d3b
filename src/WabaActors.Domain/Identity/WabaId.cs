using WabaActors.Domain.Common;

namespace WabaActors.Domain.Identity;

/// <summary>A WhatsApp Business Account id: <c>[A-Za-z0-9_-]{1,64}</c>.</summary>
public readonly record struct WabaId
{
    private WabaId(string value) => Value = value;

    public string Value { get; }

    public static Result<WabaId> Parse(string? input)
    {
        if (input is null || input.Length is 0 or > 64 || !input.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            return DomainError.Invalid("waba", "waba must match [A-Za-z0-9_-]{1,64}.");
        }

        return new WabaId(input);
    }

    public override string ToString() => Value;
}
