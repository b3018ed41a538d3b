namespace WabaActors.Domain.Events;

/// <summary>The stable names of history entries.</summary>
public static class AccountEventTypes
{
    public const string AccountCreated = "account_created";
    public const string AccountRenamed = "account_renamed";
    public const string EmailSubmitted = "email_submitted";
    public const string EmailConfirmed = "email_confirmed";
    public const string BusinessManagerSubmitted = "business_manager_submitted";
    public const string CompanyProfileSubmitted = "company_profile_submitted";
    public const string NumberAdded = "number_added";
    public const string VerificationCodeSent = "verification_code_sent";
    public const string VerificationFailed = "verification_failed";
    public const string NumberRegistered = "number_registered";
    public const string BillingStarted = "billing_started";
    public const string AccountLive = "account_live";
    public const string CommerceReviewRequested = "commerce_review_requested";
    public const string CommerceReviewOverdue = "commerce_review_overdue";
    public const string CommerceReviewDecided = "commerce_review_decided";
    public const string AccountBlocked = "account_blocked";
    public const string AccountUnblocked = "account_unblocked";
    public const string BusinessVerificationChanged = "business_verification_changed";
    public const string DisplayNameSubmitted = "display_name_submitted";
    public const string DisplayNameReviewOverdue = "display_name_review_overdue";
    public const string DisplayNameDecided = "display_name_decided";
    public const string RestrictionsChanged = "restrictions_changed";
    public const string AccountDisabled = "account_disabled";
    public const string AccountReinstated = "account_reinstated";
    public const string BanScheduled = "ban_scheduled";
    public const string TemplateLimitChanged = "template_limit_changed";
    public const string NumberLimitChanged = "number_limit_changed";
    public const string RestrictionNotEnforced = "restriction_not_enforced";
    public const string CommerceReviewReceived = "commerce_review_received";
    public const string AccountDisconnected = "account_disconnected";
    public const string AccountReconnected = "account_reconnected";
    public const string DisplayNameDecisionIgnored = "display_name_decision_ignored";

    // 360dialog's partner webhooks (ADR 0011), named as 360dialog names them.
    public const string ChannelCreated = "channel_created";
    public const string ChannelBillingStarted = "channel_billing_started";
    public const string ChannelReady = "channel_ready";
    public const string ChannelRunning = "channel_running";
    public const string AccountViolation = "account_violation";
    public const string AccountRestriction = "account_restriction";

    /// <summary>A template of the registry changed (<c>value</c>: "name/language status", <c>reason</c>: its category).</summary>
    public const string TemplateChanged = "template_changed";

    /// <summary>Meta upgraded a number to the higher throughput (<c>phone</c>).</summary>
    public const string ThroughputUpgraded = "throughput_upgraded";
}
