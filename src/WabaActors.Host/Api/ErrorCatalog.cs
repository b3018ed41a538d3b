using WabaActors.Domain.Common;
using WabaActors.Host.Webhooks;

namespace WabaActors.Host.Api;

/// <summary>One error code of the contract and its HTTP status (null: any status not covered by another code, the <c>default</c> answer).</summary>
public sealed record ErrorEntry(string Code, int? Status);

/// <summary>
/// Every error code the host can answer, with its status: the one table the problem writer
/// (<see cref="Problems"/>), the OpenAPI document and the tests share. docs/errors.md explains each.
/// </summary>
public static class ErrorCatalog
{
    public static IReadOnlyList<ErrorEntry> All { get; } =
    [
        new(ErrorCodes.ValidationFailed, StatusCodes.Status400BadRequest),
        new(ErrorCodes.NotFound, StatusCodes.Status404NotFound),
        new(ErrorCodes.WabaAlreadyOnboarded, StatusCodes.Status409Conflict),
        new(ErrorCodes.StepOutOfOrder, StatusCodes.Status409Conflict),
        new(ErrorCodes.OnboardingCompleted, StatusCodes.Status409Conflict),
        new(ErrorCodes.NotBusinessManagerAdmin, StatusCodes.Status422UnprocessableEntity),
        new(ErrorCodes.BusinessManagerClaimed, StatusCodes.Status409Conflict),
        new(ErrorCodes.ReviewNotRequested, StatusCodes.Status409Conflict),
        new(ErrorCodes.NumberInUseInWhatsAppApp, StatusCodes.Status422UnprocessableEntity),
        new(ErrorCodes.NumberAlreadyRegistered, StatusCodes.Status409Conflict),
        new(ErrorCodes.NumberLimitReached, StatusCodes.Status409Conflict),
        new(ErrorCodes.NumberAdditionRestricted, StatusCodes.Status409Conflict),
        new(ErrorCodes.NumberAlreadyVerified, StatusCodes.Status409Conflict),
        new(ErrorCodes.CodeResendTooSoon, StatusCodes.Status429TooManyRequests),
        new(ErrorCodes.InvalidVerificationCode, StatusCodes.Status422UnprocessableEntity),
        new(ErrorCodes.TooManyAttempts, StatusCodes.Status429TooManyRequests),
        new(ErrorCodes.VerificationCodeExpired, StatusCodes.Status422UnprocessableEntity),
        new(ErrorCodes.GatewayUnavailable, StatusCodes.Status503ServiceUnavailable),
        new(ErrorCodes.GatewayError, StatusCodes.Status502BadGateway),
        new(ErrorCodes.GatewayNotSimulated, StatusCodes.Status409Conflict),
        new(ErrorCodes.TimestampInFuture, StatusCodes.Status422UnprocessableEntity),
        new(ErrorCodes.MessageIdReused, StatusCodes.Status409Conflict),
        new(ErrorCodes.Unauthorized, StatusCodes.Status401Unauthorized),
        new(ErrorCodes.ForbiddenTenant, StatusCodes.Status403Forbidden),
        new(ErrorCodes.OperatorKeyRequired, StatusCodes.Status403Forbidden),
        new(ErrorCodes.RateLimited, StatusCodes.Status429TooManyRequests),
        new(HostErrorCodes.QuotaUnavailable, StatusCodes.Status503ServiceUnavailable),
        new(HostErrorCodes.Timeout, StatusCodes.Status503ServiceUnavailable),
        new(HostErrorCodes.SiloUnavailable, StatusCodes.Status503ServiceUnavailable),
        new(HostErrorCodes.StorageUnavailable, StatusCodes.Status503ServiceUnavailable),
        new(HostErrorCodes.MethodNotAllowed, StatusCodes.Status405MethodNotAllowed),
        new(HostErrorCodes.PayloadTooLarge, StatusCodes.Status413PayloadTooLarge),
        new(HostErrorCodes.UnsupportedMediaType, StatusCodes.Status415UnsupportedMediaType),
        new(HostErrorCodes.InternalError, null),
        new(HostErrorCodes.RequestFailed, null),
        new(WebhookErrorCodes.InvalidSignature, StatusCodes.Status401Unauthorized),
        new(WebhookErrorCodes.InvalidVerifyToken, StatusCodes.Status403Forbidden),
        new(WebhookErrorCodes.WebhooksNotConfigured, StatusCodes.Status503ServiceUnavailable),
    ];

    private static readonly Dictionary<string, ErrorEntry> ByCode = All.ToDictionary(e => e.Code, StringComparer.Ordinal);

    public static bool Contains(string code) => ByCode.ContainsKey(code);

    /// <summary>The status of <paramref name="code"/>; null for the codes answered under any other status.</summary>
    public static int? StatusOf(string code) =>
        ByCode.TryGetValue(code, out var entry) ? entry.Status : throw new ArgumentException($"'{code}' is not in the error catalog.", nameof(code));
}
