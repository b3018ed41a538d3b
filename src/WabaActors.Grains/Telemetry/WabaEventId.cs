namespace WabaActors.Grains.Telemetry;

/// <summary>
/// Every log event id the service writes, in one place: a range per area, so that an id names its
/// area at a glance and two log classes can never share one (a test checks every [LoggerMessage] uses
/// an id from here, once). The table in docs/telemetry.md lists them. Add an id in its area's range;
/// never reuse or renumber a published one.
/// </summary>
public static class WabaEventId
{
    // 100–199: Host: start-up (listening, telemetry, silo ports)
    public const int HostListening = 100;
    public const int HostTelemetry = 101;
    public const int HostPortTaken = 102;
    public const int HostCannotListen = 103;

    // 200–299: Host security: API keys, rate limits
    public const int SecurityNoApiKeys = 200;
    public const int SecurityApiKeys = 201;
    public const int SecurityRateLimit = 202;
    public const int SecurityOptionsReloaded = 203;
    public const int SecurityOptionsReloadRejected = 204;

    // 300–399: Host operator views: dashboard, account page
    public const int OperatorDashboard = 300;
    public const int OperatorPage = 301;

    // 400–499: Host faults: storage and dependency outages
    public const int StorageFault = 400;
    public const int StorageFaultsRepeated = 401;
    public const int StorageFaultsEnded = 402;

    // 500–599: Host enforcement: shadow mode
    public const int EnforcementModes = 500;
    public const int EnforcementReloadRefused = 501;

    // 1000–1099: Account grain
    public const int AccountChanged = 1001;
    public const int AccountBlocked = 1002;
    public const int AccountGatePushFailed = 1003;
    public const int AccountPublishFailed = 1004;
    public const int AccountVerdictShareFailed = 1005;
    public const int AccountRedeliverySkipped = 1006;

    // 2000–2099: Number grain: verification, windows, permits, inbound ids
    public const int NumberChanged = 2001;
    public const int NumberOutboxDeferred = 2002;
    public const int NumberActivated = 2003;
    public const int NumberWriteFailed = 2004;
    public const int NumberGatewayFailed = 2005;
    public const int NumberBillingStartUnknown = 2006;
    public const int NumberInboundRepeated = 2007;
    public const int NumberLinkTaught = 2008;
    public const int NumberLinksLookedUp = 2009;
    public const int NumberAllowanceFlushFailed = 2010;
    public const int NumberVerdictShareFailed = 2011;
    public const int NumberShadowDenial = 2020;

    // 2100–2199: Template quota grain
    public const int QuotaFenced = 2101;
    public const int QuotaWriteFailed = 2102;
    public const int QuotaActivated = 2103;
    public const int QuotaLinkLearned = 2104;

    // 3000–3099: Meta's webhooks
    public const int WebhookUnknownWaba = 3001;
    public const int WebhookUnhandledField = 3002;
    public const int WebhookNotApplied = 3003;
    public const int WebhookHandled = 3004;
    public const int WebhookSignatureRejected = 3005;
    public const int WebhookNotConfigured = 3006;
    public const int WebhookMessageIgnored = 3007;
    public const int WebhookSkipped = 3008;
    public const int WebhookHandshakeRefused = 3009;
    public const int WebhookOff = 3010;
    public const int WebhookUnknownValue = 3011;
    public const int WebhookForeignObject = 3012;
    public const int WebhookOpensNothing = 3013;

    // 3100–3199: 360dialog's partner webhooks
    public const int PartnerWebhookSignatureRejected = 3101;
    public const int PartnerWebhookOff = 3102;

    // 4000–4099: PostgreSQL group commit
    public const int GroupCommitBatchFailed = 4001;

    // 4100–4199: PostgreSQL pruner
    public const int PrunerPruned = 4101;
    public const int PrunerPruneFailed = 4102;

    // 4200–4299: PostgreSQL schema migration
    public const int MigrationApplied = 4201;
    public const int MigrationAlreadyApplied = 4202;
    public const int MigrationUpToDate = 4203;
    public const int MigrationUnknownVersion = 4204;
    public const int MigrationChecksumChanged = 4205;
    public const int MigrationLockTimedOut = 4206;
    public const int MigrationContractPending = 4207;
    public const int MigrationContractCheckFailed = 4208;
    public const int DeltaLogKeysDropped = 4209;

    // 4300–4399: PostgreSQL health
    public const int PostgresUnreachable = 4300;
    public const int PostgresReachable = 4301;

    // 5000–5099: 360dialog gateway
    public const int Dialog360Refused = 5001;
    public const int Dialog360Failed = 5002;
    public const int Dialog360Unreadable = 5003;

    // 6000–6099: Portfolios
    public const int PortfolioClaimed = 6001;
    public const int PortfolioClaimRefused = 6002;
    public const int PortfolioLimitsChanged = 6003;
    public const int PortfolioJoined = 6004;
    public const int PortfolioLeft = 6005;
    public const int PortfolioQuotaNotTold = 6006;
    public const int PortfolioMemberNotTold = 6007;
    public const int PortfolioUnreachable = 6011;
    public const int PortfolioFactsRefused = 6012;
    public const int PortfolioLimitUnread = 6021;

    // 7000–7099: Notifications to mluvii
    public const int NotifierAttemptFailed = 7001;
    public const int NotifierLikelyMisconfigured = 7002;
    public const int NotifierDelivered = 7003;
    public const int NotifierPumpFailed = 7004;
    public const int NotifierPokeFailed = 7005;
    /// <summary>The ranges above, for the uniqueness test and the docs: (first, last, area).</summary>
    public static IReadOnlyList<(int First, int Last, string Area)> Areas { get; } =
    [
        (100, 199, "Host: start-up (listening, telemetry, silo ports)"),
        (200, 299, "Host security: API keys, rate limits"),
        (300, 399, "Host operator views: dashboard, account page"),
        (400, 499, "Host faults: storage and dependency outages"),
        (500, 599, "Host enforcement: shadow mode"),
        (1000, 1099, "Account grain"),
        (2000, 2099, "Number grain: verification, windows, permits, inbound ids"),
        (2100, 2199, "Template quota grain"),
        (3000, 3099, "Meta's webhooks"),
        (3100, 3199, "360dialog's partner webhooks"),
        (4000, 4099, "PostgreSQL group commit"),
        (4100, 4199, "PostgreSQL pruner"),
        (4200, 4299, "PostgreSQL schema migration"),
        (4300, 4399, "PostgreSQL health"),
        (5000, 5099, "360dialog gateway"),
        (6000, 6099, "Portfolios"),
        (7000, 7099, "Notifications to mluvii"),
    ];
}
