namespace WabaActors.Benchmarks;

public sealed class EchoGrain : Grain, IEchoGrain
{
    public ValueTask<long> EchoAsync(long value) => ValueTask.FromResult(value);
}
