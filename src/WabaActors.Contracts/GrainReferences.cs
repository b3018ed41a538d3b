using System.Runtime.CompilerServices;

namespace WabaActors.Contracts;

/// <summary>
/// References to the service's string-keyed grains, built from their <see cref="GrainId"/> directly.
/// Orleans' <c>GetGrain&lt;T&gt;(string)</c> resolves the interface's <see cref="GrainInterfaceType"/> by
/// reading attributes and formatting type names on every call, which profiled as about a fifth of
/// the host's work on a permit request (docs/capacity.md); here that is resolved once per grain
/// factory and interface, and each call only builds the id.
/// </summary>
public static class GrainReferences
{
    /// <summary>The reference to grain <typeparamref name="TGrain"/> with key <paramref name="key"/>, as <c>GetGrain&lt;TGrain&gt;(key)</c> returns it.</summary>
    public static TGrain Reference<TGrain>(this IGrainFactory grains, string key)
        where TGrain : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var kind = Kinds<TGrain>.ByFactory.GetValue(grains, static factory => Kind.Of(factory.GetGrain<TGrain>("kind")));
        return (TGrain)grains.GetGrain(GrainId.Create(kind.Type, IdSpan.Create(key)), kind.Interface);
    }

    /// <summary>What Orleans resolves for an interface: the grain type that implements it and the interface's id.</summary>
    private sealed record Kind(GrainType Type, GrainInterfaceType Interface)
    {
        public static Kind Of(IAddressable probe)
        {
            // Every reference Orleans hands out is a GrainReference (the generated proxy derives from it).
            var reference = (GrainReference)probe;
            return new Kind(reference.GrainId.Type, reference.InterfaceType);
        }
    }

    // Per factory, so that silos with different grain type mappings in one process never share an answer.
    private static class Kinds<TGrain>
    {
        public static readonly ConditionalWeakTable<IGrainFactory, Kind> ByFactory = new();
    }
}
