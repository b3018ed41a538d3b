namespace WabaActors.Grains.Gateway;

/// <summary>A code was sent; <see cref="Code"/> is the code itself when the gateway knows it (the simulator), else null.</summary>
public sealed record IssuedCode(string? Code)
{
    public static IssuedCode Unknown { get; } = new((string?)null);
}
