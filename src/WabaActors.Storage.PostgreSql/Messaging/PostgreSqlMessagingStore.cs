using Npgsql;
using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Rules;
using WabaActors.Grains.Storage;

namespace WabaActors.Storage.PostgreSql;

/// <summary>
/// Windows, grants, inbound message ids, counted recipients and verdicts in PostgreSQL, one small row per change
/// through the <see cref="GroupCommitWriter"/>; activation reads only what is still live. With <paramref name="keys"/>
/// (a silo's), windows and grants are upserted while the keys of 007 stand (ADR 0025); without, plain inserts.
/// </summary>
public sealed partial class PostgreSqlMessagingStore(NpgsqlDataSource dataSource, GroupCommitWriter writer, WabaRules rules, DeltaLogKeys? keys = null) : IMessagingStore
{
    // Each kind of change is one multi-row statement per group commit (RowStatement).
    private readonly RowStatement _windows = new(Sql.InsertWindow,
        [typeof(string), typeof(long), typeof(DateTimeOffset), typeof(bool), typeof(long?), typeof(string), typeof(short?)]);

    private readonly RowStatement _inboundIds = new(Sql.InsertInboundId,
        [typeof(string), typeof(long), typeof(DateTimeOffset)]);

    private readonly RowStatement _numberGrants = new(Sql.InsertNumberGrant,
        [typeof(string), typeof(string), typeof(long), typeof(short), typeof(DateTimeOffset), typeof(DateTimeOffset?), typeof(int?), typeof(int?), typeof(string), typeof(DateTimeOffset?), typeof(short?)]);

    private readonly RowStatement _quotaGrants = new(Sql.InsertQuotaGrant,
        [typeof(string), typeof(string), typeof(long), typeof(DateTimeOffset), typeof(int), typeof(int), typeof(long), typeof(string)],
        returnedKey: [0, 1]);

    private readonly RowStatement _links = new(Sql.InsertLink,
        [typeof(string), typeof(string), typeof(string), typeof(DateTimeOffset)]);

    public ValueTask AppendNumberAsync(string phone, WindowChange? window, PermitGranted? grant, CancellationToken ct = default)
    {
        // One change is the common case: its own task, with no list and no WhenAll.
        // A customer is stored as its key (a phone's digits, or a BSUID's stable digest) and a BSUID's text (ADR 0020).
        var windowWrite = window is { } w
            ? AppendWindow([phone, w.Customer.StoredKey, w.At, w.Closed, w.InboundDigest == 0 ? null : w.InboundDigest,
                w.Customer.BsuidText, w.EntryPoint == EntryPoint.None ? null : (short)w.EntryPoint])
            : null;
        var grantWrite = grant is null ? null : AppendNumberGrant([phone, grant.MessageId, grant.Customer.StoredKey, (short)grant.Type,
            Instant(grant.GrantedAtTicks), Instant(grant.WindowExpiresAtTicks), grant.Used, grant.Limit, grant.Customer.BsuidText, Instant(grant.FreeUntilTicks),
            grant.PriceCode == 0 ? null : (short)grant.PriceCode]);
        return windowWrite is null ? (grantWrite is null ? ValueTask.CompletedTask : new ValueTask(grantWrite))
            : grantWrite is null ? new ValueTask(windowWrite)
            : new ValueTask(Task.WhenAll(windowWrite, grantWrite));
    }

    // Rounded up like a counting instant: a reloaded id is forgotten a little later than the live one, never earlier.
    public ValueTask AppendInboundIdAsync(string phone, InboundId id, CancellationToken ct = default) =>
        new(writer.AppendRowAsync(_inboundIds, phone, id.Digest, Instant(CeilingToMicroseconds(id.AtTicks))));

    public async ValueTask<NumberJournal> LoadNumberAsync(string phone, DateTimeOffset since, CancellationToken ct = default)
    {
        var grants = new List<PermitGranted>();
        var ids = new List<InboundId>();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new(Sql.LoadWindows) { Parameters = { new() { Value = phone }, new() { Value = since }, new() { Value = since - rules.ServiceWindow } } },
                new(Sql.LoadNumberGrants) { Parameters = { new() { Value = phone }, new() { Value = since - rules.GrantRetention } } },
                new(Sql.LoadInboundIds) { Parameters = { new() { Value = phone }, new() { Value = since - rules.ServiceWindow } } },
            },
        };
        foreach (var load in VerdictLoads(phone, since))
        {
            batch.BatchCommands.Add(load);
        }

        await using var reader = await batch.ExecuteReaderAsync(ct);
        var standing = new Dictionary<CustomerIdentity, WindowChange>();
        while (await reader.ReadAsync(ct))
        {
            var change = new WindowChange(Customer(reader, 0, 4), reader.GetFieldValue<DateTimeOffset>(1).UtcTicks, reader.GetBoolean(2))
            {
                InboundDigest = reader.IsDBNull(3) ? 0 : reader.GetInt64(3),
                EntryPoint = reader.IsDBNull(5) ? EntryPoint.None : (EntryPoint)reader.GetInt16(5),
            };
            if (InboundId.CarriedBy(change) is { } carried)
            {
                ids.Add(carried);
            }

            // The window table is a log (ADR 0015): of a customer's changes, the one that supersedes the others
            // stands. An open window past its end was read only for its id.
            if ((change.Closed || change.ExpiresAtTicks > since.UtcTicks)
                && (!standing.TryGetValue(change.Customer, out var kept) || change.Supersedes(kept, rules.ServiceWindow)))
            {
                standing[change.Customer] = change;
            }
        }

        await reader.NextResultAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            grants.Add(new PermitGranted(reader.GetString(0), Customer(reader, 1, 7), (MessageType)reader.GetInt16(2), reader.GetFieldValue<DateTimeOffset>(3).UtcTicks)
            {
                WindowExpiresAtTicks = reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4).UtcTicks,
                Used = reader.IsDBNull(5) ? null : reader.GetInt32(5),
                Limit = reader.IsDBNull(6) ? null : reader.GetInt32(6),
                FreeUntilTicks = reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8).UtcTicks,
                PriceCode = reader.IsDBNull(9) ? (byte)0 : (byte)reader.GetInt16(9),
            });
        }

        await reader.NextResultAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(new InboundId(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1).UtcTicks));
        }

        var (verdicts, allowance) = await ReadVerdictsAsync(reader, ct);

        // Read through the phone index (ADR 0015) and ordered here, where it costs no sort memory in
        // the server: the domain's expiry queues want their changes oldest first.
        var windows = standing.Values.ToList();
        windows.Sort((a, b) => PruneOrder(a).CompareTo(PruneOrder(b)));
        grants.Sort(static (a, b) => a.GrantedAtTicks.CompareTo(b.GrantedAtTicks));
        ids.Sort(static (a, b) => a.AtTicks.CompareTo(b.AtTicks));
        return new NumberJournal(windows, FirstPerMessageId(grants)) { InboundIds = ids, Verdicts = verdicts, Allowance = allowance };
    }

    // PostgreSQL keeps microseconds: a counting instant is rounded up, so a reloaded slot frees a
    // little later than the live one, never earlier (windows are truncated: they close earlier).
    public async ValueTask<bool> AppendQuotaAsync(string quotaKey, long epoch, PermitGranted grant, CancellationToken ct = default) =>
        await AppendQuotaGrant([quotaKey, grant.MessageId, grant.Customer.StoredKey, Instant(CeilingToMicroseconds(grant.GrantedAtTicks)),
            grant.Used ?? 0, grant.Limit ?? 0, epoch, grant.Customer.BsuidText]) == 1;

    public ValueTask AppendLinkAsync(string quotaKey, CustomerLink link, CancellationToken ct = default) =>
        new(writer.AppendRowAsync(_links, quotaKey, link.Customer.ToString(), link.Partner.ToString(), Instant(link.TaughtAtTicks)));

    private static long CeilingToMicroseconds(long ticks) =>
        (ticks + TimeSpan.TicksPerMicrosecond - 1) / TimeSpan.TicksPerMicrosecond * TimeSpan.TicksPerMicrosecond;

    public async ValueTask<QuotaJournal> LoadQuotaAsync(string quotaKey, DateTimeOffset since, CancellationToken ct = default)
    {
        // The epoch is taken (and committed) before the read, so every write of an older activation
        // either committed before this read (and is seen) or is refused by the fence.
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var bump = new NpgsqlCommand(Sql.NextQuotaEpoch, connection) { Parameters = { new() { Value = quotaKey } } };
        var epoch = (long)(await bump.ExecuteScalarAsync(ct))!;
        await using var load = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new(Sql.LoadQuotaGrants) { Parameters = { new() { Value = quotaKey }, new() { Value = since - rules.TemplateRecipientPeriod } } },
                new(Sql.LoadLinks) { Parameters = { new() { Value = quotaKey }, new() { Value = since - rules.LinkRetention } } },
            },
        };
        var grants = new List<PermitGranted>();
        var links = new List<CustomerLink>();
        await using var reader = await load.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            grants.Add(new PermitGranted(reader.GetString(0), Customer(reader, 1, 5), MessageType.Template, reader.GetFieldValue<DateTimeOffset>(2).UtcTicks)
            {
                Used = reader.GetInt32(3),
                Limit = reader.GetInt32(4),
            });
        }

        await reader.NextResultAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            // A row that does not parse was not written by this service: left out, which only forgets a link.
            if (CustomerIdentity.Parse(reader.GetString(0)) is { IsSuccess: true } customer
                && CustomerIdentity.Parse(reader.GetString(1)) is { IsSuccess: true } partner)
            {
                links.Add(new CustomerLink(customer.Value, partner.Value, reader.GetFieldValue<DateTimeOffset>(2).UtcTicks));
            }
        }

        links.Sort(static (a, b) => a.TaughtAtTicks.CompareTo(b.TaughtAtTicks));

        grants.Sort(static (a, b) => a.GrantedAtTicks != b.GrantedAtTicks
            ? a.GrantedAtTicks.CompareTo(b.GrantedAtTicks)
            : string.CompareOrdinal(a.MessageId, b.MessageId));
        return new QuotaJournal(epoch, FirstPerMessageId(grants)) { Links = links };
    }

    /// <summary>
    /// The grant tables are logs (ADR 0015): a message id can have a second row, from a commit retried
    /// after an ambiguous failure or from a stale duplicate activation. Every row read here lies within
    /// the retention of the others, and within it the first grant of an id stands (a later one must not
    /// replace an acknowledged grant), so the earliest row of each id is kept. <paramref name="oldestFirst"/>
    /// is sorted by grant instant.
    /// </summary>
    private static List<PermitGranted> FirstPerMessageId(List<PermitGranted> oldestFirst)
    {
        var seen = new HashSet<string>(oldestFirst.Count, StringComparer.Ordinal);
        oldestFirst.RemoveAll(grant => !seen.Add(grant.MessageId));
        return oldestFirst;
    }

    /// <summary>When the window leaves memory: an open one at its expiry, a close marker a window after the close.</summary>
    private long PruneOrder(WindowChange change) => change.Closed ? change.ExpiresAtTicks + rules.ServiceWindow.Ticks : change.ExpiresAtTicks;

    /// <summary>The customer of a row: the key in column <paramref name="key"/>, a BSUID's text (or null) in <paramref name="bsuid"/>.</summary>
    private static CustomerIdentity Customer(NpgsqlDataReader reader, int key, int bsuid) =>
        CustomerIdentity.FromStored(reader.GetInt64(key), reader.IsDBNull(bsuid) ? null : reader.GetString(bsuid));

    private static DateTimeOffset? Instant(long? ticks) => ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    private static DateTimeOffset Instant(long ticks) => new(ticks, TimeSpan.Zero);

    private static class Sql
    {
        // Every change is a row (ADR 0015). A single activation writes only changes that supersede the
        // last, but after a silo failure a stale duplicate activation may write an older one last: the
        // load keeps, per customer, the change that supersedes the others (WindowChange.Supersedes), so
        // an acknowledged window never moves back. Open: expires_at is the last message + the window;
        // closed: expires_at is the close instant.
        // inbound_digest (008, ADR 0017): the id of the inbound message that made the change, null for a close.
        public const string InsertWindow = """
            INSERT INTO waba_window (phone, customer, expires_at, closed, inbound_digest, customer_bsuid, entry_point)
            SELECT * FROM unnest($1::text[], $2::bigint[], $3::timestamptz[], $4::boolean[], $5::bigint[], $6::text[], $7::smallint[])
            """;

        // An inbound message that changed no window: its id alone (008, ADR 0017), a plain insert like the others.
        public const string InsertInboundId = """
            INSERT INTO waba_inbound_id (phone, digest, recorded_at)
            SELECT * FROM unnest($1::text[], $2::bigint[], $3::timestamptz[])
            """;

        // One row per grant, no key (ADR 0015): a second row of the same message id is folded on load.
        // price (010): PermitGranted.PriceCode, null for 0 (no price).
        public const string InsertNumberGrant = """
            INSERT INTO waba_number_grant (phone, message_id, customer, message_type, granted_at, window_expires_at, used, recipient_limit, customer_bsuid, free_until, price)
            SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::smallint[], $5::timestamptz[], $6::timestamptz[], $7::integer[], $8::integer[], $9::text[], $10::timestamptz[], $11::smallint[])
            """;

        // $2 = now: open windows; $3 = now − window: closed markers still guarding against redelivery, and
        // the inbound ids changes carry, remembered a window after their window's end (ADR 0017).
        public const string LoadWindows = """
            SELECT customer, expires_at, closed, inbound_digest, customer_bsuid, entry_point FROM waba_window
            WHERE phone = $1 AND ((NOT closed AND expires_at > $2) OR ((closed OR inbound_digest IS NOT NULL) AND expires_at > $3))
            """;

        public const string LoadInboundIds = """
            SELECT digest, recorded_at FROM waba_inbound_id WHERE phone = $1 AND recorded_at > $2
            """;

        public const string LoadNumberGrants = """
            SELECT message_id, customer, message_type, granted_at, window_expires_at, used, recipient_limit, customer_bsuid, free_until, price
            FROM waba_number_grant WHERE phone = $1 AND granted_at > $2
            """;

        public const string NextQuotaEpoch = """
            INSERT INTO waba_quota (quota_key, epoch) VALUES ($1, 1)
            ON CONFLICT (quota_key) DO UPDATE SET epoch = waba_quota.epoch + 1 RETURNING epoch
            """;

        // The fence: a row is written only while its epoch is still the quota's, read under a share
        // lock so that an epoch bump waits for this commit (and then sees the row) or wins (and the row
        // is not written — it does not come back in RETURNING). One row per grant, no key (ADR 0015):
        // the ledger replays an id within its retention, so only a new grant (or a retried commit) gets here.
        public const string InsertQuotaGrant = """
            INSERT INTO waba_quota_grant (quota_key, message_id, customer, counted_at, used, recipient_limit, epoch, customer_bsuid)
            SELECT r.quota_key, r.message_id, r.customer, r.counted_at, r.used, r.recipient_limit, q.epoch, r.customer_bsuid
            FROM unnest($1::text[], $2::text[], $3::bigint[], $4::timestamptz[], $5::integer[], $6::integer[], $7::bigint[], $8::text[])
                AS r(quota_key, message_id, customer, counted_at, used, recipient_limit, epoch, customer_bsuid)
            JOIN waba_quota q ON q.quota_key = r.quota_key AND q.epoch = r.epoch
            FOR SHARE OF q
            RETURNING quota_key, message_id
            """;

        public const string LoadQuotaGrants = """
            SELECT message_id, customer, counted_at, used, recipient_limit, customer_bsuid FROM waba_quota_grant
            WHERE quota_key = $1 AND counted_at > $2
            """;

        // Links of a person's ids (009, ADR 0020): a log, one row per teaching, folded by the directory on load.
        public const string InsertLink = """
            INSERT INTO waba_customer_link (quota_key, customer, partner, taught_at)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[])
            """;

        public const string LoadLinks = """
            SELECT customer, partner, taught_at FROM waba_customer_link WHERE quota_key = $1 AND taught_at > $2
            """;
    }
}
