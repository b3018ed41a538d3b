using CsCheck;
using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Pacing;
using WabaActors.Domain.Tests.MessagingSupport;

namespace WabaActors.Domain.Tests.Pacing;

/// <summary>
/// <see cref="NumberPacing"/> against a naive model over random arrivals: the throughput as the list of the
/// instants sent in the last second, the pair rate as a token bucket per customer counted exactly (tokens in
/// units of 1/interval-ticks: a refill of one tick adds one unit, a send takes a whole interval's worth).
/// Every arrival is checked by both and taken by both when allowed: they agree on allowed, reason and retryAt.
/// In half the runs Alice's phone and BSUID are linked (the number knows both ids): the model counts them as
/// one person, and the number is given each one's other id as its alias.
/// </summary>
public class NumberPacingModelProperty
{
    private static readonly CustomerIdentity[] Pool =
        [Customers.Alice, Customers.Bob, Customers.AliceBsuid, Customers.Of(3)];

    private sealed record Arrival(long Gap, int Customer, bool Upgrade)
    {
        public override string ToString() => $"+{Gap}t→{Customer}{(Upgrade ? " (upgrade)" : "")}";
    }

    private static readonly Gen<PacingRules> SmallRules = Gen.Select(Gen.Int[1, 6], Gen.Int[0, 6], Gen.Int[1, 80], Gen.Int[1, 6],
        (perSecond, more, tenths, burst) => new PacingRules(true, perSecond, perSecond + more, TimeSpan.FromMilliseconds(tenths * 100), burst));

    private static readonly Gen<PacingRules> Rules = Gen.Frequency((4, SmallRules), (1, Gen.Const(PacingRules.Meta)));

    private static Gen<long> Gaps(PacingRules rules) => Gen.Frequency(
        (6, Gen.Const(0L)),
        (1, Gen.Const(1L)),
        (1, Gen.Const(TimeSpan.TicksPerSecond)),
        (1, Gen.Const(TimeSpan.TicksPerSecond - 1)),
        (1, Gen.Const(rules.PairInterval.Ticks)),
        (1, Gen.Const(rules.PairInterval.Ticks - 1)),
        (4, Gen.Long[0, TimeSpan.TicksPerSecond / 4]),
        (2, Gen.Long[0, 3 * rules.PairInterval.Ticks]));

    private static readonly Gen<(PacingRules Rules, bool Linked, Arrival[] Arrivals)> Runs = Rules.SelectMany(rules =>
        Gen.Select(Gen.Bool, Gen.Select(Gaps(rules), Gen.Int[0, Pool.Length - 1], Gen.Int[0, 199], (gap, customer, upgrade) => new Arrival(gap, customer, upgrade == 0))
            .Array[1, 300], (linked, arrivals) => (rules, linked, arrivals)));

    [Fact]
    [Trait("Rule", "pacing")]
    [Trait("Kind", "property")]
    public void DecidesAsTheNaiveModelGivenRandomArrivals()
    {
        Runs.Sample(run =>
        {
            var pacing = new NumberPacing(run.Rules);
            var model = new Model(run.Rules);
            var now = Clock.Start;
            var upgraded = false;
            foreach (var arrival in run.Arrivals)
            {
                now = now.AddTicks(arrival.Gap);
                upgraded |= arrival.Upgrade;
                var customer = Pool[arrival.Customer];
                var person = run.Linked && arrival.Customer == 2 ? 0 : arrival.Customer;
                CustomerIdentity[] aliases = !run.Linked || person != 0 ? [] : [arrival.Customer == 0 ? Pool[2] : Pool[0]];

                var expected = model.Check(person, upgraded, now.UtcTicks);
                var actual = pacing.Check(customer, aliases, upgraded, now);

                Assert.Equal(expected, actual is null ? null : (actual.Reason, actual.RetryAt!.Value.UtcTicks));
                if (actual is null)
                {
                    pacing.Take(customer, aliases, upgraded, now);
                    model.Take(person, now.UtcTicks);
                }
            }
        }, iter: 10_000, print: run => $"{run.Rules} linked={run.Linked} {string.Join(' ', run.Arrivals.Select(a => a.ToString()))}");
    }

    /// <summary>The rules as written: a list of send instants, and a bucket of exact tokens per customer.</summary>
    private sealed class Model(PacingRules rules)
    {
        private readonly List<long> _sent = [];
        private readonly Dictionary<int, (long Units, long At)> _buckets = [];
        private readonly long _unit = rules.PairInterval.Ticks; // one token, in units
        private long Full => rules.PairBurst * _unit;

        public (DenyReason, long)? Check(int customer, bool upgraded, long now)
        {
            var limit = upgraded ? rules.UpgradedMessagesPerSecond : rules.MessagesPerSecond;
            var inSecond = _sent.Where(t => t > now - TimeSpan.TicksPerSecond).Order().ToList();
            if (inSecond.Count >= limit)
            {
                // Allowed again once enough of them left the second that fewer than the limit remain.
                return (DenyReason.ThroughputLimit, inSecond[inSecond.Count - limit] + TimeSpan.TicksPerSecond);
            }

            var units = Tokens(customer, now);
            return units >= _unit ? null : (DenyReason.PairRateLimit, now + (_unit - units));
        }

        public void Take(int customer, long now)
        {
            _sent.Add(now);
            _buckets[customer] = (Tokens(customer, now) - _unit, now);
        }

        private long Tokens(int customer, long now) =>
            _buckets.TryGetValue(customer, out var b) ? Math.Min(Full, b.Units + (now - b.At)) : Full;
    }
}
