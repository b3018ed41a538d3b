using CsCheck;

namespace WabaActors.Domain.Tests.Properties;

/// <summary>
/// Generators of runs. Time advances 0 s–30 h, with exact 24 h steps (and a tick either side) so
/// that the boundaries are hit, not only approached; inbound timestamps lie between now − 30 h and
/// now + 6 min, again with the exact 24 h and 5 min edges.
/// </summary>
public static class Scenarios
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    private static readonly Gen<TimeSpan> Advance = Gen.Frequency(
        (3, Gen.Const(TimeSpan.Zero)),
        (2, Gen.Const(Day)),
        (1, Gen.Const(Day - TimeSpan.FromTicks(1))),
        (1, Gen.Const(Day + TimeSpan.FromTicks(1))),
        (6, Seconds(0, 3_600)),
        (4, Seconds(0, 30 * 3_600)));

    private static readonly Gen<TimeSpan> InboundOffset = Gen.Frequency(
        (8, Seconds(-30 * 3_600, 6 * 60)),
        (1, Gen.Const(TimeSpan.Zero)),
        (1, Gen.Const(Skew)),
        (1, Gen.Const(Skew + TimeSpan.FromTicks(1))),
        (1, Gen.Const(-Day)),
        (1, Gen.Const(-Day + TimeSpan.FromTicks(1))));

    private static readonly Gen<TimeSpan> CloseAge = Gen.Frequency(
        (3, Gen.Const(TimeSpan.Zero)),
        (4, Seconds(0, 30 * 3_600)),
        (1, Gen.Const(Day)),
        (1, Gen.Const(Day - TimeSpan.FromTicks(1))));

    private static readonly Gen<int> Customer = Gen.Int[0, Scenario.Pool - 1];

    private static readonly Gen<Op> Operation = Gen.Frequency(
        (4, Gen.Select(Advance, Customer, InboundOffset, (a, c, o) => new Op(OpKind.Inbound, a, c, o))),
        (4, Gen.Select(Advance, Customer, (a, c) => new Op(OpKind.Template, a, c))),
        (3, Gen.Select(Advance, Customer, (a, c) => new Op(OpKind.Session, a, c))),
        (1, Gen.Select(Advance, Customer, CloseAge, (a, c, o) => new Op(OpKind.Close, a, c, o))),
        (2, Gen.Select(Advance, Gen.Int[0, 63], Gen.Int[0, 5], (a, p, v) => new Op(OpKind.Retry, a, 0, Pick: p, Vary: v))));

    /// <summary>Runs of 1–40 operations with a limit of 1–5 recipients, under either rule profile.</summary>
    public static readonly Gen<Scenario> Runs =
        Gen.Select(Gen.Bool, Gen.Int[1, 5], Operation.Array[1, 40], (meta, limit, ops) => new Scenario(meta, limit, ops));

    private static Gen<TimeSpan> Seconds(int from, int to) => Gen.Int[from, to].Select(s => TimeSpan.FromSeconds(s));
}
