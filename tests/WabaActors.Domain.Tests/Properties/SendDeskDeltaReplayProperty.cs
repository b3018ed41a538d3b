using CsCheck;
using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;

namespace WabaActors.Domain.Tests.Properties;

public class SendDeskDeltaReplayProperty
{
    [Fact]
    [Trait("Rule", "session-window-24h")]
    [Trait("Rule", "template-recipients-rolling-24h")]
    [Trait("Rule", "idempotency")]
    [Trait("Kind", "property")]
    public void AnswersTheSameGivenEmittedDeltasReplayedIntoFreshObjects()
    {
        Scenarios.Runs.Sample(scenario =>
        {
            var run = new DomainRun(scenario.Limit);
            var step = 0;
            foreach (var command in Script.Of(scenario))
            {
                run.Execute(command);
                var fresh = new SendDesk(run.Rules);
                run.WindowChanges.ForEach(fresh.Windows.Apply);
                run.Counted.ForEach(fresh.Recipients.Apply);
                run.Grants.ForEach(fresh.Ledger.Apply);
                Assert.True(Answers(run.Desk, run) == Answers(fresh, run),
                    $"step {step}: {command}\n  live:     {Answers(run.Desk, run)}\n  replayed: {Answers(fresh, run)}");
                step++;
            }
        }, iter: 8_000, print: s => s.ToString());
    }

    /// <summary>Every read answer of a desk: windows, usage, who is counted, each message id's replay, grants held.</summary>
    private static string Answers(SendDesk desk, DomainRun run)
    {
        var now = run.Now;
        var customers = Enumerable.Range(0, Scenario.Pool).Select(i => new CustomerId(Command.CustomerOf(i))).ToList();
        var windows = customers.Select(c => desk.Windows.Get(c, now)).Select(w => Answer.Window(w.Open, w.ExpiresAt));
        var counted = customers.Select(c => desk.Recipients.IsCounted(c, now) ? "counted" : "-");
        var usage = desk.Recipients.Usage(run.Limit, now);
        var replays = run.Requested.Select(r => desk.Ledger.Replay(r.Id, r.Customer, r.Type, now) switch
        {
            { IsSuccess: false } e => Answer.Refused(e.Error!.Code),
            { Value: { } d } => DomainRun.Format(d),
            _ => "none",
        }).ToList();
        desk.Ledger.Prune(now);
        return $"windows [{string.Join(", ", windows)}] counted [{string.Join(", ", counted)}] "
            + $"usage {usage.Used}/{usage.Limit} next {usage.NextSlotAt:O} replays [{string.Join(", ", replays)}] grants {desk.Ledger.Count}";
    }
}
