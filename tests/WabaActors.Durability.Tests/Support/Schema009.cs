using WabaActors.Storage.PostgreSql;

namespace WabaActors.Durability.Tests.Support;

/// <summary>
/// The build before 010 (commit 7f2b0af, issue 17): its schema (files 001–009, <see cref="Schema008.MigrateAsync"/>
/// with version 9) and its statements, copied verbatim from its PostgreSqlMessagingStore, so a test can fill a
/// database as that build did and keep writing beside the new one (old silos during a rolling upgrade).
/// </summary>
internal static class Schema009
{
    public static readonly RowStatement Windows = new("""
        INSERT INTO waba_window (phone, customer, expires_at, closed, inbound_digest, customer_bsuid, entry_point)
        SELECT * FROM unnest($1::text[], $2::bigint[], $3::timestamptz[], $4::boolean[], $5::bigint[], $6::text[], $7::smallint[])
        """,
        [typeof(string), typeof(long), typeof(DateTimeOffset), typeof(bool), typeof(long?), typeof(string), typeof(short?)]);

    public static readonly RowStatement InboundIds = Schema008.InboundIds;

    public static readonly RowStatement NumberGrants = new("""
        INSERT INTO waba_number_grant (phone, message_id, customer, message_type, granted_at, window_expires_at, used, recipient_limit, customer_bsuid, free_until)
        SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::smallint[], $5::timestamptz[], $6::timestamptz[], $7::integer[], $8::integer[], $9::text[], $10::timestamptz[])
        """,
        [typeof(string), typeof(string), typeof(long), typeof(short), typeof(DateTimeOffset), typeof(DateTimeOffset?), typeof(int?), typeof(int?), typeof(string), typeof(DateTimeOffset?)]);

    public static readonly RowStatement QuotaGrants = new("""
        INSERT INTO waba_quota_grant (quota_key, message_id, customer, counted_at, used, recipient_limit, epoch, customer_bsuid)
        SELECT r.quota_key, r.message_id, r.customer, r.counted_at, r.used, r.recipient_limit, q.epoch, r.customer_bsuid
        FROM unnest($1::text[], $2::text[], $3::bigint[], $4::timestamptz[], $5::integer[], $6::integer[], $7::bigint[], $8::text[])
            AS r(quota_key, message_id, customer, counted_at, used, recipient_limit, epoch, customer_bsuid)
        JOIN waba_quota q ON q.quota_key = r.quota_key AND q.epoch = r.epoch
        FOR SHARE OF q
        RETURNING quota_key, message_id
        """,
        [typeof(string), typeof(string), typeof(long), typeof(DateTimeOffset), typeof(int), typeof(int), typeof(long), typeof(string)],
        returnedKey: [0, 1]);

    public static readonly RowStatement Links = new("""
        INSERT INTO waba_customer_link (quota_key, customer, partner, taught_at)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[])
        """,
        [typeof(string), typeof(string), typeof(string), typeof(DateTimeOffset)]);

    public const string NextQuotaEpoch = Schema008.NextQuotaEpoch;

    public const string LoadWindows = """
        SELECT customer, expires_at, closed, inbound_digest, customer_bsuid, entry_point FROM waba_window
        WHERE phone = $1 AND ((NOT closed AND expires_at > $2) OR ((closed OR inbound_digest IS NOT NULL) AND expires_at > $3))
        """;

    public const string LoadInboundIds = """
        SELECT digest, recorded_at FROM waba_inbound_id WHERE phone = $1 AND recorded_at > $2
        """;

    public const string LoadNumberGrants = """
        SELECT message_id, customer, message_type, granted_at, window_expires_at, used, recipient_limit, customer_bsuid, free_until
        FROM waba_number_grant WHERE phone = $1 AND granted_at > $2
        """;

    public const string LoadQuotaGrants = """
        SELECT message_id, customer, counted_at, used, recipient_limit, customer_bsuid FROM waba_quota_grant
        WHERE quota_key = $1 AND counted_at > $2
        """;

    public const string LoadLinks = """
        SELECT customer, partner, taught_at FROM waba_customer_link WHERE quota_key = $1 AND taught_at > $2
        """;
}
