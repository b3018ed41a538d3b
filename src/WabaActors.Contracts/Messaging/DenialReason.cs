using System.Text.Json.Serialization;
using WabaActors.Contracts.Common;

namespace WabaActors.Contracts.Messaging;

/// <summary>Why a send is denied; in JSON the lower snake case of the name (<c>customer_service_window_closed</c>). See docs/errors.md.</summary>
[GenerateSerializer, Alias("waba.DenialReason")]
[JsonConverter(typeof(SnakeCaseEnumConverter<DenialReason>))]
public enum DenialReason
{
    /// <summary>A session message with no open customer-service window: send a template.</summary>
    CustomerServiceWindowClosed,

    /// <summary>Every template-recipient slot of the rolling 24 h is used; <c>retryAt</c> is when the oldest frees.</summary>
    TemplateRecipientLimitReached,

    /// <summary>The commerce-policy review rejected the account, or Meta disabled it.</summary>
    AccountBlocked,

    /// <summary>No number of the account is registered yet.</summary>
    AccountNotLive,

    /// <summary>The number is not registered (its code not yet verified).</summary>
    NumberNotRegistered,

    /// <summary>Meta restricts business-initiated messaging until <c>retryAt</c>.</summary>
    RestrictedBusinessInitiated,

    /// <summary>Meta restricts customer-initiated messaging until <c>retryAt</c>.</summary>
    RestrictedCustomerInitiated,

    /// <summary>Meta deleted, unshared or offboarded the account: nothing goes out until it reconnects.</summary>
    AccountDisconnected,

    /// <summary>The commerce-policy review is pending and sends wait for it (Meta's rule).</summary>
    AccountUnderReview,

    /// <summary>The named template is paused for low quality; <c>retryAt</c> is the pause's end when known.</summary>
    TemplatePaused,

    /// <summary>The named template is pending, rejected, disabled, archived or deleted.</summary>
    TemplateNotApproved,

    /// <summary>The named template is not in the account's registry and the registry must know it.</summary>
    TemplateUnknown,

    /// <summary>Meta's per-user marketing limit (131049) held a marketing template to this customer; <c>retryAt</c> is 24 h after it.</summary>
    MarketingLimitPerUser,

    /// <summary>The customer stopped marketing messages (131050 or <c>user_preferences</c>) until they resume.</summary>
    MarketingOptedOut,

    /// <summary>The number's messages per second are used; <c>retryAt</c> is when the next one may go.</summary>
    ThroughputLimit,

    /// <summary>Meta's pair rate to this customer (one per 6 s, bursts of 45) is used; <c>retryAt</c> is when the next one may go.</summary>
    PairRateLimit,
}
