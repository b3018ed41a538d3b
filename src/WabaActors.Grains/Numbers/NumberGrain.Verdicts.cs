using WabaActors.Contracts.Common;
using WabaActors.Contracts.Messaging;

namespace WabaActors.Grains.Numbers;

/// <summary>Meta's verdicts on earlier sends, and what the operator page shows of a number's sends.</summary>
public sealed partial class NumberGrain
{
    public ValueTask<Reply<OutcomeResult>> RecordOutcomeAsync(Scope owner, SendOutcome outcome, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public ValueTask<Reply<OutcomeResult>> SetMarketingPreferenceAsync(Scope owner, MarketingPreference preference, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public ValueTask<Reply<NumberActivity>> GetActivityAsync(Scope owner) => throw new NotImplementedException();
}
