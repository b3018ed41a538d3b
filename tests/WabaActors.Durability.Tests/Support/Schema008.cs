using Microsoft.Extensions.Logging.Abstractions;
using WabaActors.Storage.PostgreSql;

namespace WabaActors.Durability.Tests.Support;

/// <summary>
/// The build before 009 (commit 750746d): its schema (files 001–008) and its statements, copied verbatim
/// from its PostgreSqlMessagingStore, so a test can fill a database as that build did and keep writing
/// beside the new one (old silos during a rolling upgrade).
/// </summary>
internal static class Schema008
{
    /// <summary>Applies the files up to <paramref name="version"/> that are missing (8: the previous release's schema); returns those applied.</summary>
    public static Task<IReadOnlyList<SchemaScript>> MigrateAsync(TestDatabase db, int version = 8) =>
        new SchemaMigrator(db.DataSource, [.. SchemaScript.Embedded.Where(s => s.Version <= version)], NullLogger<SchemaMigrator>.Instance).MigrateAsync();

    public static readonly RowStatement Windows = new("""
        INSERT INTO waba_window (phone, customer, expires_at, closed, inbound_digest)
        SELECT * FROM unnest($1::text[], $2::bigint[], $3::timestamptz[], $4::boolean[], $5::bigint[])
        """,
        [typeof(string), typeof(long), typeof(DateTimeOffset), typeof(bool), typeof(long?)]);

    public static readonly RowStatement InboundIds = new("""
        INSERT INTO waba_inbound_id (phone, digest, recorded_at)
        SELECT * FROM unnest($1::text[], $2::bigint[], $3::timestamptz[])
        """,
        [typeof(string), typeof(long), typeof(DateTimeOffset)]);

    public static readonly RowStatement NumberGrants = new("""
        INSERT INTO waba_number_grant (phone, message_id, customer, message_type, granted_at, window_expires_at, used, recipient_limit)
        SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::smallint[], $5::timestamptz[], $6::timestamptz[], $7::integer[], $8::integer[])
        """,
        [typeof(string), typeof(string), typeof(long), typeof(short), typeof(DateTimeOffset), typeof(DateTimeOffset?), typeof(int?), typeof(int?)]);

    public static readonly RowStatement QuotaGrants = new("""
        INSERT INTO waba_quota_grant (quota_key, message_id, customer, counted_at, used, recipient_limit, epoch)
        SELECT r.quota_key, r.message_id, r.customer, r.counted_at, r.used, r.recipient_limit, q.epoch
        FROM unnest($1::text[], $2::text[], $3::bigint[], $4::timestamptz[], $5::integer[], $6::integer[], $7::bigint[])
            AS r(quota_key, message_id, customer, counted_at, used, recipient_limit, epoch)
        JOIN waba_quota q ON q.quota_key = r.quota_key AND q.epoch = r.epoch
        FOR SHARE OF q
        RETURNING quota_key, message_id
        """,
        [typeof(string), typeof(string), typeof(long), typeof(DateTimeOffset), typeof(int), typeof(int), typeof(long)],
        returnedKey: [0, 1]);

    public const string NextQuotaEpoch = """
        INSERT INTO waba_quota (quota_key, epoch) VALUES ($1, 1)
        ON CONFLICT (quota_key) DO UPDATE SET epoch = waba_quota.epoch + 1 RETURNING epoch
        """;

    public const string LoadWindows = """
        SELECT customer, expires_at, closed, inbound_digest FROM waba_window
        WHERE phone = $1 AND ((NOT closed AND expires_at > $2) OR ((closed OR inbound_digest IS NOT NULL) AND expires_at > $3))
        """;

    public const string LoadNumberGrants = """
        SELECT message_id, customer, message_type, granted_at, window_expires_at, used, recipient_limit
        FROM waba_number_grant WHERE phone = $1 AND granted_at > $2
        """;

    public const string LoadQuotaGrants = """
        SELECT message_id, customer, counted_at, used, recipient_limit FROM waba_quota_grant
        WHERE quota_key = $1 AND counted_at > $2
        """;
}
