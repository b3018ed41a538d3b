namespace WabaActors.Grains.Gateway;

/// <summary>What the provider said about a code it checked.</summary>
public enum CodeVerdict
{
    Accepted,

    /// <summary>A wrong code: the domain spends an attempt.</summary>
    Rejected,
}
