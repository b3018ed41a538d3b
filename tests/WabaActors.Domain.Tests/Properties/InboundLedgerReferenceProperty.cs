using WabaActors.Domain.Identity;
using CsCheck;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.MessagingSupport;

namespace WabaActors.Domain.Tests.Properties;

/// <summary>
/// Inbound messages with ids from a small pool (so ids repeat, early and late), closes, and time moving
/// 0–30 h: the ledger with the windows answers like the naive <see cref="ReferenceModel"/> fed only the
/// messages whose id is not remembered, where an id is remembered a window after it was recorded; the ids
/// it emitted, replayed into a fresh ledger, are remembered exactly as live; and the ids as storage reads
/// them back (from the window changes that carried them, else alone) at least as long.
/// </summary>
public class InboundLedgerReferenceProperty
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    private static readonly Gen<TimeSpan> Advance = Gen.Frequency(
        (3, Gen.Const(TimeSpan.Zero)),
        (2, Gen.Const(Day)),
        (1, Gen.Const(Day - TimeSpan.FromTicks(1))),
        (1, Gen.Const(Day + TimeSpan.FromTicks(1))),
        (6, Gen.Int[0, 3_600].Select(s => TimeSpan.FromSeconds(s))),
        (4, Gen.Int[0, 30 * 3_600].Select(s => TimeSpan.FromSeconds(s))));

    private static readonly Gen<TimeSpan> Offset = Gen.Frequency(
        (8, Gen.Int[-30 * 3_600, 6 * 60].Select(s => TimeSpan.FromSeconds(s))),
        (1, Gen.Const(TimeSpan.Zero)),
        (1, Gen.Const(-Day)),
        (1, Gen.Const(-Day + TimeSpan.FromTicks(1))));

    // (advance, customer 0–2, id 0–5, offset of the timestamp, or — customer 3 — a close of customer id % 3 that long ago)
    private static readonly Gen<(TimeSpan Advance, int Customer, int Id, TimeSpan Offset)[]> Runs =
        Gen.Select(Advance, Gen.Int[0, 3], Gen.Int[0, 5], Offset, (a, c, i, o) => (a, c, i, o)).Array[1, 40];

    [Fact]
    [Trait("Rule", "inbound-message-id")]
    [Trait("Rule", "session-window-24h")]
    [Trait("Kind", "property")]
    public void AnswersLikeTheReferenceModelGivenIdsRepeatedAtRandom()
    {
        Runs.Sample(ops =>
        {
            var rules = WabaRules.Document;
            var (ledger, windows) = (new InboundLedger(rules.ServiceWindow), new CustomerWindows(rules.ServiceWindow, rules.FutureTimestampTolerance));
            var model = new ReferenceModel(limit: 1);
            var remembered = new List<(string Id, DateTimeOffset Until)>();
            var emitted = new List<InboundId>();
            var stored = new List<InboundId>();
            var now = Script.Start;
            for (var step = 0; step < ops.Length; step++)
            {
                var (advance, c, i, offset) = ops[step];
                now += advance;
                if (c == 3)
                {
                    var customerOfClose = Command.CustomerOf(i % 3);
                    var at = now - (offset < TimeSpan.Zero ? -offset : offset);
                    windows.Close(new CustomerId(customerOfClose), at, now);
                    model.Close(customerOfClose, at);
                    continue;
                }

                var (id, customer, timestamp) = ($"wamid.{i}", Command.CustomerOf(c), now + offset);
                var actual = ledger.Record(windows, Customers.Message(id), new CustomerId(customer), timestamp, now) switch
                {
                    { IsSuccess: false } e => Answer.Refused(e.Error!.Code),
                    { Value: null } => "repeat",
                    { Value: { } taken } => Keep(emitted, stored, taken),
                };

                string expected;
                if (remembered.Any(r => r.Id == id && r.Until > now))
                {
                    expected = "repeat";
                }
                else
                {
                    expected = model.Inbound(customer, timestamp, now);
                    if (expected == Answer.Accepted)
                    {
                        remembered.Add((id, now + rules.ServiceWindow));
                    }
                }

                var (fresh, reloaded) = (new InboundLedger(rules.ServiceWindow), new InboundLedger(rules.ServiceWindow));
                emitted.ForEach(fresh.Apply);
                stored.ForEach(reloaded.Apply);
                var state = string.Concat(Enumerable.Range(0, 3).Select(k => Command.CustomerOf(k)).Select(k => windows.Get(new CustomerId(k), now) is var w ? $" | {Answer.Window(w.Open, w.ExpiresAt)}" : ""));
                var modelState = string.Concat(Enumerable.Range(0, 3).Select(k => Command.CustomerOf(k)).Select(k => model.Window(k, now) is var w ? $" | {Answer.Window(w.Open, w.ExpiresAt)}" : ""));
                var ids = Enumerable.Range(0, 6).Select(k => $"wamid.{k}").ToList();
                var live = string.Join(",", ids.Where(k => ledger.Remembers(InboundLedger.Digest(Customers.Message(k)), now)));
                var replayed = string.Join(",", ids.Where(k => fresh.Remembers(InboundLedger.Digest(Customers.Message(k)), now)));
                var reference = string.Join(",", ids.Where(k => remembered.Any(r => r.Id == k && r.Until > now)));
                var forgottenOnReload = ids.Where(k => ledger.Remembers(InboundLedger.Digest(Customers.Message(k)), now)
                    && !reloaded.Remembers(InboundLedger.Digest(Customers.Message(k)), now)).ToList();
                Assert.True(expected + modelState + " ids " + reference == actual + state + " ids " + live && live == replayed && forgottenOnReload.Count == 0,
                    $"step {step}\n  model:    {expected}{modelState} ids {reference}\n  domain:   {actual}{state} ids {live}\n  replayed: ids {replayed}"
                    + $"\n  forgotten on reload: {string.Join(",", forgottenOnReload)}");
            }
        }, iter: 10_000, print: ops => string.Join("; ", ops.Select(o => $"+{o.Advance.Ticks}t c{o.Customer} id{o.Id} {o.Offset.Ticks}t")));
    }

    // What the stores write: the window change carrying the id, else the id alone.
    private static string Keep(List<InboundId> emitted, List<InboundId> stored, InboundRecorded taken)
    {
        emitted.Add(taken.Id);
        stored.Add(taken.Window is { } change ? InboundId.CarriedBy(change)!.Value : taken.Id);
        return Answer.Accepted;
    }
}
