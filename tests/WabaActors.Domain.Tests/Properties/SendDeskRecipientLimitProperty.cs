using CsCheck;

namespace WabaActors.Domain.Tests.Properties;

public class SendDeskRecipientLimitProperty
{
    [Fact]
    [Trait("Rule", "template-recipients-rolling-24h")]
    [Trait("Kind", "property")]
    public void NeverCountsMoreThanTheLimitInAnyHalfOpen24hGivenRandomOperations()
    {
        Scenarios.Runs.Sample(scenario =>
        {
            var run = new DomainRun(scenario.Limit);
            foreach (var command in Script.Of(scenario))
            {
                run.Execute(command);
            }

            // The busiest [t, t + 24 h) starts at some counted instant, so checking those suffices.
            var day = TimeSpan.FromHours(24).Ticks;
            foreach (var from in run.Counted)
            {
                var inside = run.Counted.Count(c => c.AtTicks >= from.AtTicks && c.AtTicks < from.AtTicks + day);
                Assert.True(inside <= scenario.Limit,
                    $"{inside} recipients counted in [{from.At:O}, +24h) with limit {scenario.Limit}");
            }
        }, iter: 30_000, print: s => s.ToString());
    }
}
