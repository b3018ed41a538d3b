using WabaActors.Contracts.Common;
using WabaActors.Contracts.Messaging;

namespace WabaActors.Benchmarks;

public sealed class EchoGrain : Grain, IEchoGrain
{
    public ValueTask<long> EchoAsync(long value) => ValueTask.FromResult(value);

    public ValueTask<Reply<PermitDecision>> EchoPermitAsync(Scope owner, PermitRequest request) =>
        ValueTask.FromResult(Reply<PermitDecision>.Ok(new PermitDecision(true, request.MessageId)));
}
