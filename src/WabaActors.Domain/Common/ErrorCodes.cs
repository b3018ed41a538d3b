namespace WabaActors.Domain.Common;

/// <summary>The stable error codes of the HTTP contract (the HTTP contract, served as OpenAPI at /openapi/v1.json). Never rename one.</summary>
public static class ErrorCodes
{
    public const string ValidationFailed = "validation_failed";
    public const string NotFound = "not_found";
    public const string StepOutOfOrder = "step_out_of_order";
    public const string OnboardingCompleted = "onboarding_completed";
    public const string NotBusinessManagerAdmin = "not_business_manager_admin";
    public const string WabaAlreadyOnboarded = "waba_already_onboarded";
    public const string NumberInUseInWhatsAppApp = "number_in_use_in_whatsapp_app";
    public const string NumberAlreadyRegistered = "number_already_registered";
    public const string NumberAlreadyVerified = "number_already_verified";
    public const string NumberLimitReached = "number_limit_reached";
    public const string NumberAdditionRestricted = "number_addition_restricted";
    public const string CodeResendTooSoon = "code_resend_too_soon";
    public const string InvalidVerificationCode = "invalid_verification_code";
    public const string TooManyAttempts = "too_many_attempts";
    public const string VerificationCodeExpired = "verification_code_expired";
    public const string ReviewNotRequested = "review_not_requested";
    public const string TimestampInFuture = "timestamp_in_future";
    public const string MessageIdReused = "message_id_reused";
    public const string BusinessManagerClaimed = "business_manager_claimed";

    // The host's own answers (authentication, tenant isolation, rate limits): no rule decides them.
    public const string Unauthorized = "unauthorized";
    public const string ForbiddenTenant = "forbidden_tenant";
    public const string OperatorKeyRequired = "operator_key_required";
    public const string RateLimited = "rate_limited";

    // The WhatsApp gateway (360dialog) could not answer: nothing changed, no attempt spent (ADR 0010).
    public const string GatewayUnavailable = "gateway_unavailable";
    public const string GatewayError = "gateway_error";
    public const string GatewayNotSimulated = "gateway_not_simulated";
}
