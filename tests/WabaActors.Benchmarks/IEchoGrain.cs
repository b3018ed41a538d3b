using Orleans.Concurrency;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Messaging;

namespace WabaActors.Benchmarks;

/// <summary>The baseline grain: answers at once, so a call costs only what Orleans costs.</summary>
[Alias("bench.IEchoGrain")]
public interface IEchoGrain : IGrainWithIntegerKey
{
    [Alias("Echo")]
    ValueTask<long> EchoAsync(long value);

    /// <summary>The permit's signature and attributes (<see cref="WabaActors.Contracts.INumberGrain.RequestPermitAsync"/>), allowed at once.</summary>
    [Alias("EchoPermit"), AlwaysInterleave]
    ValueTask<Reply<PermitDecision>> EchoPermitAsync(Scope owner, PermitRequest request);
}
