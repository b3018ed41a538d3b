using CsCheck;

namespace WabaActors.Domain.Tests.Properties;

/// <summary>
/// Two numbers of one account share its template quota; every command goes to either, retries included:
/// the limit holds over both, and a message id is counted at most once while its grant is kept.
/// </summary>
public class PermitDecisionSharedQuotaProperty
{
    [Fact]
    [Trait("Rule", "template-recipients-rolling-24h")]
    [Trait("Rule", "idempotency")]
    [Trait("Kind", "property")]
    public void CountsWithinTheLimitAndEachMessageIdOnceGivenTwoNumbersSharingTheQuota()
    {
        Gen.Select(Scenarios.Runs, Gen.Int[0, 1].Array[40]).Sample((scenario, numbers) =>
        {
            var first = new DomainRun(scenario);
            DomainRun[] runs = [first, first.AnotherNumber()];
            var commands = Script.Of(scenario);
            for (var i = 0; i < commands.Count; i++)
            {
                runs[numbers[i]].Execute(commands[i]);
            }

            RecipientLimit.Holds(first.Counted.ToList(), scenario.Limit);
            var retention = first.Number.Rules.GrantRetention.Ticks;
            foreach (var grants in first.Number.QuotaGrants.GroupBy(g => g.MessageId))
            {
                var at = grants.Select(g => g.GrantedAtTicks).ToList();
                Assert.True(at.Zip(at.Skip(1)).All(pair => pair.Second - pair.First >= retention),
                    $"{grants.Key} counted at {string.Join(", ", at)}, less than the retention apart");
            }
        }, iter: 10_000, print: t => $"{t.Item1} numbers [{string.Join("", t.Item2.Take(t.Item1.Ops.Count))}]");
    }
}
