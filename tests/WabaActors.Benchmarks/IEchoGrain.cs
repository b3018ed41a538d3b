namespace WabaActors.Benchmarks;

/// <summary>The baseline grain: answers its argument, so a call costs only what Orleans costs.</summary>
[Alias("bench.IEchoGrain")]
public interface IEchoGrain : IGrainWithIntegerKey
{
    [Alias("Echo")]
    ValueTask<long> EchoAsync(long value);
}
