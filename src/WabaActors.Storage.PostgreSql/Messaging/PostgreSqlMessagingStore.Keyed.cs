using System.Globalization;

namespace WabaActors.Storage.PostgreSql;

/// <summary>
/// Windows and grants while the keys that 007 drops still stand (<see cref="DeltaLogKeys"/>; ADR 0025): the
/// upserts of the builds before 007, with this build's columns, so the table keeps one row per key as their
/// loads expect, and a silo of such a build keeps writing beside this one.
/// </summary>
public sealed partial class PostgreSqlMessagingStore
{
    // Rows of one key go to separate executions (an upsert cannot touch a row twice): the returned key splits them.
    private readonly RowStatement _keyedWindows = new(KeyedSql.Window(rules.ServiceWindow),
        [typeof(string), typeof(long), typeof(DateTimeOffset), typeof(bool), typeof(long?), typeof(string), typeof(short?)], returnedKey: [0, 1]);

    private readonly RowStatement _keyedNumberGrants = new(KeyedSql.NumberGrant(rules.GrantRetention),
        [typeof(string), typeof(string), typeof(long), typeof(short), typeof(DateTimeOffset), typeof(DateTimeOffset?), typeof(int?), typeof(int?), typeof(string), typeof(DateTimeOffset?), typeof(short?)],
        returnedKey: [0, 1]);

    private readonly RowStatement _keyedQuotaGrants = new(KeyedSql.QuotaGrant(rules.GrantRetention),
        [typeof(string), typeof(string), typeof(long), typeof(DateTimeOffset), typeof(int), typeof(int), typeof(long), typeof(string)],
        returnedKey: [0, 1]);

    /// <summary>A window row: a plain insert, or while the keys stand the upsert, whose replaced row takes its inbound id along,
    /// so the id is also written alone (waba_inbound_id, remembered from the window's end as a carried id is).</summary>
    private Task<int> AppendWindow(object?[] row) =>
        keys is { Present: true } ? AppendKeyedAsync(_windows, _keyedWindows, row, row[4] is long digest ? [row[0], digest, row[2]] : null)
            : writer.AppendRowAsync(_windows, row);

    private Task<int> AppendNumberGrant(object?[] row) =>
        keys is { Present: true } ? AppendKeyedAsync(_numberGrants, _keyedNumberGrants, row, null) : writer.AppendRowAsync(_numberGrants, row);

    private Task<int> AppendQuotaGrant(object?[] row) =>
        keys is { Present: true } ? AppendKeyedAsync(_quotaGrants, _keyedQuotaGrants, row, null) : writer.AppendRowAsync(_quotaGrants, row);

    private async Task<int> AppendKeyedAsync(RowStatement plain, RowStatement keyed, object?[] row, object?[]? inboundId)
    {
        try
        {
            var idWrite = inboundId is null ? null : writer.AppendRowAsync(_inboundIds, inboundId);
            var written = await writer.AppendRowAsync(keyed, row);
            if (idWrite is not null)
            {
                await idWrite;
            }

            return written;
        }
        catch (Exception e) when (DeltaLogKeys.IsDroppedKey(e))
        {
            // Another silo applied 007 meanwhile: nothing of this row was written; it goes in as a log row.
            keys!.Dropped();
            return await writer.AppendRowAsync(plain, row);
        }
    }

    /// <summary>
    /// The statements of the builds before 007 (commit 75135d5^): this build's inserts (with the columns of 008–010)
    /// and the upserts' conflict clauses of that build, which also set the columns added since.
    /// </summary>
    private static class KeyedSql
    {
        // Only a later change replaces the stored one (WindowChange.Supersedes, as the fold applies it): the
        // later instant (an open window's last message is expires_at − window, a close's is expires_at), and
        // at the same instant the close.
        public static string Window(TimeSpan window) => $"""
            {Sql.InsertWindow}
            ON CONFLICT (phone, customer) DO UPDATE SET expires_at = EXCLUDED.expires_at, closed = EXCLUDED.closed,
                inbound_digest = EXCLUDED.inbound_digest, customer_bsuid = EXCLUDED.customer_bsuid, entry_point = EXCLUDED.entry_point
            WHERE CASE
                WHEN NOT EXCLUDED.closed AND NOT waba_window.closed THEN EXCLUDED.expires_at > waba_window.expires_at
                WHEN NOT EXCLUDED.closed THEN EXCLUDED.expires_at - {Interval(window)} > waba_window.expires_at
                WHEN NOT waba_window.closed THEN EXCLUDED.expires_at >= waba_window.expires_at - {Interval(window)}
                ELSE EXCLUDED.expires_at > waba_window.expires_at
            END
            RETURNING phone, customer
            """;

        // A message id granted again after its retention replaces the old row; within it the first grant stays.
        public static string NumberGrant(TimeSpan retention) => $"""
            {Sql.InsertNumberGrant}
            ON CONFLICT (phone, message_id) DO UPDATE SET customer = EXCLUDED.customer, message_type = EXCLUDED.message_type,
                granted_at = EXCLUDED.granted_at, window_expires_at = EXCLUDED.window_expires_at, used = EXCLUDED.used,
                recipient_limit = EXCLUDED.recipient_limit, customer_bsuid = EXCLUDED.customer_bsuid, free_until = EXCLUDED.free_until, price = EXCLUDED.price
            WHERE waba_number_grant.granted_at <= EXCLUDED.granted_at - {Interval(retention)}
            RETURNING phone, message_id
            """;

        // The fence of InsertQuotaGrant, its conflict clause before its RETURNING; an id counted again within its
        // retention is not written (not returned).
        public static string QuotaGrant(TimeSpan retention) => Sql.InsertQuotaGrant.Replace("RETURNING quota_key, message_id", $"""
            ON CONFLICT (quota_key, message_id) DO UPDATE SET customer = EXCLUDED.customer, counted_at = EXCLUDED.counted_at,
                used = EXCLUDED.used, recipient_limit = EXCLUDED.recipient_limit, epoch = EXCLUDED.epoch, customer_bsuid = EXCLUDED.customer_bsuid
            WHERE waba_quota_grant.counted_at <= EXCLUDED.counted_at - {Interval(retention)}
            RETURNING quota_key, message_id
            """, StringComparison.Ordinal);

        private static string Interval(TimeSpan span) =>
            $"make_interval(secs => {span.TotalSeconds.ToString("R", CultureInfo.InvariantCulture)})";
    }
}
