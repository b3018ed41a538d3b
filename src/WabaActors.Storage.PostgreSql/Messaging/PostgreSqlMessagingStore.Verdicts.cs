using Npgsql;
using WabaActors.Domain.Verdicts;
using WabaActors.Grains.Storage;

namespace WabaActors.Storage.PostgreSql;

/// <summary>Verdicts on a number's customers and its service allowance (schema 010).</summary>
public sealed partial class PostgreSqlMessagingStore
{
    private readonly RowStatement _verdicts = new(VerdictSql.InsertVerdict,
        [typeof(string), typeof(long), typeof(short), typeof(DateTimeOffset), typeof(long), typeof(string), typeof(DateTimeOffset)]);

    /// <summary>
    /// One row per verdict through the group commit (durable when the task completes). The instant is
    /// rounded up like a counting instant, and the end is <see cref="InMemoryMessagingStore.VerdictEnd"/>
    /// under the rules of the write: a reloaded hold ends a little later than the live one, never earlier.
    /// </summary>
    public ValueTask AppendVerdictAsync(string phone, CustomerVerdict verdict, CancellationToken ct = default) =>
        new(writer.AppendRowAsync(_verdicts, phone, verdict.Customer.StoredKey, (short)verdict.Kind, Instant(CeilingToMicroseconds(verdict.AtTicks)),
            verdict.OutcomeDigest, verdict.Customer.BsuidText, Instant(CeilingToMicroseconds(InMemoryMessagingStore.VerdictEnd(verdict, rules)))));

    /// <summary>An upsert through the group commit: the latest write wins (a number flushes one count at a time).</summary>
    public ValueTask SaveAllowanceAsync(string phone, ServiceAllowanceCount allowance, CancellationToken ct = default) =>
        new(writer.ExecuteAsync(VerdictSql.UpsertAllowance, phone, allowance.Month, allowance.Used));

    /// <summary>The verdict and allowance loads of <see cref="LoadNumberAsync"/>'s batch (after its own commands, in this order).</summary>
    private static IEnumerable<NpgsqlBatchCommand> VerdictLoads(string phone, DateTimeOffset now) =>
    [
        new(VerdictSql.LoadVerdicts) { Parameters = { new() { Value = phone }, new() { Value = now } } },
        new(VerdictSql.LoadAllowance) { Parameters = { new() { Value = phone } } },
    ];

    /// <summary>Reads the results of <see cref="VerdictLoads"/>: the verdicts in write order, and the allowance.</summary>
    private static async Task<(List<CustomerVerdict> Verdicts, ServiceAllowanceCount? Allowance)> ReadVerdictsAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        var rows = new List<(long Seq, CustomerVerdict Verdict)>();
        await reader.NextResultAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add((reader.GetInt64(5), new CustomerVerdict(Customer(reader, 0, 4), (VerdictKind)reader.GetInt16(1),
                reader.GetFieldValue<DateTimeOffset>(2).UtcTicks, reader.GetInt64(3))));
        }

        rows.Sort(static (a, b) => a.Seq.CompareTo(b.Seq));
        await reader.NextResultAsync(ct);
        var allowance = await reader.ReadAsync(ct) ? new ServiceAllowanceCount(reader.GetInt32(0), reader.GetInt32(1)) : null;
        return ([.. rows.Select(r => r.Verdict)], allowance);
    }

    private static class VerdictSql
    {
        // Keyed by the verdict (010): the same verdict written again (a retried commit, a stale duplicate
        // activation) adds nothing. Two copies in one group commit are one statement: DO NOTHING takes both.
        public const string InsertVerdict = """
            INSERT INTO waba_customer_verdict (phone, customer, kind, at, outcome_digest, customer_bsuid, expires_at)
            SELECT * FROM unnest($1::text[], $2::bigint[], $3::smallint[], $4::timestamptz[], $5::bigint[], $6::text[], $7::timestamptz[])
            ON CONFLICT DO NOTHING
            """;

        // $2 = now: the verdicts that still matter. Read through the key (phone first), ordered here by seq.
        public const string LoadVerdicts = """
            SELECT customer, kind, at, outcome_digest, customer_bsuid, seq FROM waba_customer_verdict
            WHERE phone = $1 AND expires_at > $2
            """;

        public const string UpsertAllowance = """
            INSERT INTO waba_service_allowance (phone, month, used) VALUES ($1, $2, $3)
            ON CONFLICT (phone) DO UPDATE SET month = excluded.month, used = excluded.used
            """;

        public const string LoadAllowance = "SELECT month, used FROM waba_service_allowance WHERE phone = $1";
    }
}
