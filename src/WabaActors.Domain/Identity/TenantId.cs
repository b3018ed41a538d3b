using WabaActors.Domain.Common;

namespace WabaActors.Domain.Identity;

/// <summary>A mluvii tenant: <c>[a-z0-9][a-z0-9-]{0,63}</c>.</summary>
public readonly record struct TenantId
{
    private TenantId(string value) => Value = value;

    public string Value { get; }

    public static Result<TenantId> Parse(string? input)
    {
        if (input is null || input.Length is 0 or > 64 || !IsAlnum(input[0]) || !input.All(c => IsAlnum(c) || c == '-'))
        {
            return DomainError.Invalid("tenant", "tenant must match [a-z0-9][a-z0-9-]{0,63}.");
        }

        return new TenantId(input);
    }

    public override string ToString() => Value;

    private static bool IsAlnum(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9';
}
