using WabaActors.Contracts.Common;

namespace WabaActors.Host.Api;

/// <summary>The stable error codes the web host answers by itself (framework refusals, passing cluster states). Never rename one.</summary>
public static class HostErrorCodes
{
    public const string MethodNotAllowed = "method_not_allowed";
    public const string PayloadTooLarge = "payload_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string QuotaUnavailable = Unavailable.QuotaUnavailable;
    public const string Timeout = Unavailable.Timeout;
    public const string SiloUnavailable = Unavailable.SiloUnavailable;
    public const string StorageUnavailable = Unavailable.StorageUnavailable;
    public const string InternalError = "internal_error";
    public const string RequestFailed = "request_failed";
}
