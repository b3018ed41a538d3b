using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using WabaActors.Domain.Common;
using WabaActors.Host.Api;

namespace WabaActors.Host.Security;

/// <summary>
/// A refused call is a problem with a stable code: no usable key ⇒ <c>401 unauthorized</c> with
/// <c>WWW-Authenticate: Bearer</c>; a key that may not make the call ⇒ <c>403 forbidden_tenant</c>
/// or <c>403 operator_key_required</c>. Missing, malformed and unknown keys answer alike.
/// </summary>
internal sealed class ApiKeyProblemsResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            context.Response.Headers.WWWAuthenticate = context.GetEndpoint()?.Metadata.GetMetadata<BrowserKeyAttribute>() is null
                ? "Bearer"
                : new Microsoft.Extensions.Primitives.StringValues([BrowserKeyAttribute.Challenge, "Bearer"]);
            return Problems.Of(ErrorCodes.Unauthorized, "This call needs 'Authorization: Bearer <key>' with a configured API key.").ExecuteAsync(context);
        }

        if (authorizeResult.Forbidden)
        {
            var code = authorizeResult.AuthorizationFailure?.FailureReasons.FirstOrDefault(r => r.Handler is ApiKeyAccessHandler)?.Message
                ?? ErrorCodes.ForbiddenTenant;
            var detail = code == ErrorCodes.OperatorKeyRequired
                ? "This call needs an operator key."
                : "The API key does not reach this tenant.";
            return Problems.Of(code, detail).ExecuteAsync(context);
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
