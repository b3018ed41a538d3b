using WabaActors.Domain.Identity;
using CsCheck;

namespace WabaActors.Domain.Tests.Properties;

public class PermitDecisionReferenceModelProperty
{
    [Fact]
    [Trait("Rule", "send-decision")]
    [Trait("Rule", "session-window-24h")]
    [Trait("Rule", "template-recipients-rolling-24h")]
    [Trait("Rule", "idempotency")]
    [Trait("Kind", "property")]
    public void AnswersLikeTheNaiveReferenceModelGivenRandomOperations()
    {
        Scenarios.Runs.Sample(scenario =>
        {
            var run = new DomainRun(scenario);
            var model = new ReferenceModel(scenario.Limit);
            var step = 0;
            foreach (var command in Script.Of(scenario))
            {
                var actual = run.Execute(command) + Windows(c => run.Number.Permits.Windows.Get(new CustomerId(c), command.Now) is var w
                    ? Answer.Window(w.Open, w.ExpiresAt) : "");
                var expected = Expected(model, command) + Windows(c => model.Window(c, command.Now) is var w
                    ? Answer.Window(w.Open, w.ExpiresAt) : "");
                Assert.True(expected == actual, $"step {step}: {command}\n  model:  {expected}\n  domain: {actual}");
                step++;
            }
        }, iter: 20_000, print: s => s.ToString());
    }

    private static string Expected(ReferenceModel model, Command command)
    {
        switch (command)
        {
            case Command.Inbound inbound:
                return model.Inbound(inbound.Customer, inbound.Timestamp, inbound.Now);
            case Command.Close close:
                model.Close(close.Customer, close.At);
                return Answer.Accepted;
            case Command.Permit permit:
                return model.Permit(permit.MessageId, permit.Customer, permit.Template, permit.Now);
            default:
                throw new ArgumentOutOfRangeException(nameof(command));
        }
    }

    private static string Windows(Func<long, string> window) =>
        string.Concat(Enumerable.Range(0, Scenario.Pool).Select(i => $" | c{i} {window(Command.CustomerOf(i))}"));
}
