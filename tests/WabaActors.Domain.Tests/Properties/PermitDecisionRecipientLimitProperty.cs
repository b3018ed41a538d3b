using CsCheck;

namespace WabaActors.Domain.Tests.Properties;

public class PermitDecisionRecipientLimitProperty
{
    [Fact]
    [Trait("Rule", "template-recipients-rolling-24h")]
    [Trait("Kind", "property")]
    public void NeverCountsMoreThanTheLimitInAnyHalfOpen24hGivenRandomOperations()
    {
        Scenarios.Runs.Sample(scenario =>
        {
            var run = new DomainRun(scenario);
            foreach (var command in Script.Of(scenario))
            {
                run.Execute(command);
            }

            RecipientLimit.Holds(run.Counted.ToList(), scenario.Limit);
        }, iter: 30_000, print: s => s.ToString());
    }
}
