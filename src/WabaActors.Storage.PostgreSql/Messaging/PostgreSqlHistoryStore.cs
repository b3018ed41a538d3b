using Npgsql;
using WabaActors.Domain.Events;
using WabaActors.Grains.Storage;

namespace WabaActors.Storage.PostgreSql;

/// <summary>Accounts' histories in <c>waba_event</c>: one statement per append (all entries or none), group-committed.</summary>
public sealed class PostgreSqlHistoryStore(NpgsqlDataSource dataSource, GroupCommitWriter writer) : IHistoryStore
{
    private const string Append = """
        INSERT INTO waba_event (waba, seq, type, at, phone, value, reason)
        SELECT $1, e.seq, e.type, e.at, e.phone, e.value, e.reason
        FROM unnest($2::bigint[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[]) AS e(seq, type, at, phone, value, reason)
        ON CONFLICT (waba, seq) DO NOTHING
        """;

    private const string Read = """
        SELECT seq, type, at, phone, value, reason FROM waba_event WHERE waba = $1 AND seq > $2 ORDER BY seq LIMIT $3
        """;

    public async ValueTask AppendAsync(string waba, IReadOnlyList<StoredEvent> events, CancellationToken ct = default)
    {
        if (events.Count == 0)
        {
            return;
        }

        await writer.ExecuteAsync(Append, waba,
            events.Select(e => e.Sequence).ToArray(),
            events.Select(e => e.Event.Type).ToArray(),
            events.Select(e => e.Event.At.ToUniversalTime()).ToArray(),
            events.Select(e => e.Event.Phone).ToArray(),
            events.Select(e => e.Event.Value).ToArray(),
            events.Select(e => e.Event.Reason).ToArray());
    }

    public async ValueTask<IReadOnlyList<StoredEvent>> ReadAsync(string waba, long after, int limit, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(Read);
        command.Parameters.Add(new() { Value = waba });
        command.Parameters.Add(new() { Value = after });
        command.Parameters.Add(new() { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync(ct))
        {
            events.Add(new StoredEvent(reader.GetInt64(0), new AccountEvent(reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2))
            {
                Phone = reader.IsDBNull(3) ? null : reader.GetString(3),
                Value = reader.IsDBNull(4) ? null : reader.GetString(4),
                Reason = reader.IsDBNull(5) ? null : reader.GetString(5),
            }));
        }

        return events;
    }
}
