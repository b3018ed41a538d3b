using Npgsql;

namespace WabaActors.Durability.Tests.Support;

/// <summary>
/// The build before 007 (commit 75135d5^): its statements copied verbatim from its PostgreSqlMessagingStore
/// (upserts on the keys 007 drops, one commit per row here), so a test can run it beside the new build during a
/// rolling upgrade (its schema: <c>Schema008.MigrateAsync(db, version: 6)</c>; its silo: <see cref="OrleansMembers"/>; its
/// quota epoch and its loads of grants were those of <see cref="Schema008"/>).
/// </summary>
internal static class Schema006
{
    public static Task<int> WindowAsync(TestDatabase db, string phone, long customer, DateTimeOffset expiresAt, bool closed) =>
        ExecuteAsync(db, UpsertWindow, new[] { phone }, new[] { customer }, new[] { expiresAt }, new[] { closed }, Day);

    public static Task<int> NumberGrantAsync(TestDatabase db, string phone, string messageId, long customer, DateTimeOffset grantedAt, int used) =>
        ExecuteAsync(db, InsertNumberGrant, new[] { phone }, new[] { messageId }, new[] { customer }, new short[] { 1 }, new[] { grantedAt },
            new DateTimeOffset?[] { null }, new int?[] { used }, new int?[] { 50 }, Day);

    public static Task<int> QuotaGrantAsync(TestDatabase db, string quotaKey, string messageId, long customer, DateTimeOffset countedAt, int used, long epoch) =>
        ExecuteAsync(db, InsertQuotaGrant, new[] { quotaKey }, new[] { messageId }, new[] { customer }, new[] { countedAt }, new[] { used }, new[] { 50 },
            new[] { epoch }, Day);

    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    private static async Task<int> ExecuteAsync(TestDatabase db, string sql, params object[] args)
    {
        await using var command = db.DataSource.CreateCommand(sql);
        foreach (var arg in args)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = arg });
        }

        return await command.ExecuteNonQueryAsync();
    }

    public const string UpsertWindow = """
        INSERT INTO waba_window (phone, customer, expires_at, closed)
        SELECT * FROM unnest($1::text[], $2::bigint[], $3::timestamptz[], $4::boolean[])
        ON CONFLICT (phone, customer) DO UPDATE SET expires_at = EXCLUDED.expires_at, closed = EXCLUDED.closed
        WHERE CASE
            WHEN NOT EXCLUDED.closed AND NOT waba_window.closed THEN EXCLUDED.expires_at > waba_window.expires_at
            WHEN NOT EXCLUDED.closed THEN EXCLUDED.expires_at - $5::interval > waba_window.expires_at
            WHEN NOT waba_window.closed THEN EXCLUDED.expires_at >= waba_window.expires_at - $5::interval
            ELSE EXCLUDED.expires_at > waba_window.expires_at
        END
        """;

    public const string InsertNumberGrant = """
        INSERT INTO waba_number_grant (phone, message_id, customer, message_type, granted_at, window_expires_at, used, recipient_limit)
        SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::smallint[], $5::timestamptz[], $6::timestamptz[], $7::integer[], $8::integer[])
        ON CONFLICT (phone, message_id) DO UPDATE SET customer = EXCLUDED.customer, message_type = EXCLUDED.message_type,
            granted_at = EXCLUDED.granted_at, window_expires_at = EXCLUDED.window_expires_at, used = EXCLUDED.used,
            recipient_limit = EXCLUDED.recipient_limit
        WHERE waba_number_grant.granted_at <= EXCLUDED.granted_at - $9::interval
        """;

    public const string InsertQuotaGrant = """
        INSERT INTO waba_quota_grant (quota_key, message_id, customer, counted_at, used, recipient_limit, epoch)
        SELECT r.quota_key, r.message_id, r.customer, r.counted_at, r.used, r.recipient_limit, q.epoch
        FROM unnest($1::text[], $2::text[], $3::bigint[], $4::timestamptz[], $5::integer[], $6::integer[], $7::bigint[])
            AS r(quota_key, message_id, customer, counted_at, used, recipient_limit, epoch)
        JOIN waba_quota q ON q.quota_key = r.quota_key AND q.epoch = r.epoch
        FOR SHARE OF q
        ON CONFLICT (quota_key, message_id) DO UPDATE SET customer = EXCLUDED.customer, counted_at = EXCLUDED.counted_at,
            used = EXCLUDED.used, recipient_limit = EXCLUDED.recipient_limit, epoch = EXCLUDED.epoch
        WHERE waba_quota_grant.counted_at <= EXCLUDED.counted_at - $8::interval
        RETURNING quota_key, message_id
        """;

    public const string LoadWindows = """
        SELECT customer, expires_at, closed FROM waba_window
        WHERE phone = $1 AND ((NOT closed AND expires_at > $2) OR (closed AND expires_at > $3))
        """;
}
