using CsCheck;
using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;

namespace WabaActors.Domain.Tests.Properties;

/// <summary>
/// After every command, a number and quota loaded from the deltas emitted so far (window changes and the
/// number's grants into a fresh <see cref="NumberPermits"/>, the quota's grants into a fresh
/// <see cref="TemplateQuota"/>) answer every read like the live ones, and answer the next command the same.
/// </summary>
public class PermitDecisionDeltaReplayProperty
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
            var run = new DomainRun(scenario);
            var step = 0;
            foreach (var command in Script.Of(scenario))
            {
                var replica = run.Rebuilt();
                var (live, replayed) = (run.Execute(command), replica.Execute(command));
                var rebuilt = run.Rebuilt();
                var (now, afterCommand, fromDeltas) = (Answers(run), Answers(replica), Answers(rebuilt));
                Assert.True(live == replayed && now == afterCommand && now == fromDeltas,
                    $"step {step}: {command}\n  live:     {live}\n  replica:  {replayed}\n  live state:     {now}"
                    + $"\n  replica state:  {afterCommand}\n  rebuilt state:  {fromDeltas}");
                step++;
            }
        }, iter: 8_000, print: s => s.ToString());
    }

    /// <summary>
    /// Every read answer of a run's number and quota: windows, each message id's replay by the number, grants
    /// held, who is counted, usage, counting instants, and what the quota knows of each template's id.
    /// </summary>
    private static string Answers(DomainRun run)
    {
        var (permits, quota, now) = (run.Number.Permits, run.Number.Quota, run.Now);
        var customers = Enumerable.Range(0, Scenario.Pool).Select(i => new CustomerId(Command.CustomerOf(i))).ToList();
        var windows = customers.Select(c => permits.Windows.Get(c, now)).Select(w => Answer.Window(w.Open, w.ExpiresAt));
        var replays = run.Requested.Select(r => permits.Ledger.Replay(r.Id, r.Customer, r.Type, now) switch
        {
            { IsSuccess: false } e => Answer.Refused(e.Error!.Code),
            { Value: { } d } => DomainRun.Format(d),
            _ => "none",
        }).ToList();
        permits.Ledger.Prune(now);
        var counted = customers.Select(c => quota.IsCounted(c, now) ? "counted" : "-");
        var usage = quota.Usage(run.Limit, now);
        var countedAt = quota.CountedAt(now).Select(at => at.UtcTicks);

        // Asked with a limit of 0, the quota counts nobody: its answer only tells what it knows of the id and customer.
        var quotaKnows = run.Requested.Where(r => r.Type == MessageType.Template)
            .Select(r => quota.Grant(r.Id, r.Customer, 0, now) is var a ? $"{a.Outcome} {a.Usage.Used}/{a.Usage.Limit}" : "");
        return $"windows [{string.Join(", ", windows)}] replays [{string.Join(", ", replays)}] grants {permits.Ledger.Count} "
            + $"counted [{string.Join(", ", counted)}] usage {usage.Used}/{usage.Limit} next {usage.NextSlotAt:O} "
            + $"at [{string.Join(", ", countedAt)}] quota [{string.Join(", ", quotaKnows)}]";
    }
}
