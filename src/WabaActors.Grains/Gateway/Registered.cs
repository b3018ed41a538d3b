namespace WabaActors.Grains.Gateway;

/// <summary>The provider registered the number.</summary>
public sealed record Registered
{
    public static Registered Done { get; } = new();
}
