using Microsoft.AspNetCore.Authorization;
using WabaActors.Domain.Common;

namespace WabaActors.Host.Security;

/// <summary>
/// Decides from the key, the path and the route's <c>{tenant}</c> alone — before any handler or grain
/// runs — so a refusal is the same whether or not the resource exists. A failure's message is the
/// problem code that <see cref="ApiKeyProblemsResultHandler"/> answers.
/// </summary>
internal sealed class ApiKeyAccessHandler(ApiKeyRing keys) : AuthorizationHandler<ApiKeyAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiKeyAccessRequirement requirement)
    {
        if (context.Resource is not HttpContext http)
        {
            context.Fail();
            return Task.CompletedTask;
        }

        // Operator-only endpoints outside /v1 (the dashboard, the metrics scrape) need a key too.
        var operatorOnly = http.GetEndpoint()?.Metadata.GetMetadata<OperatorOnlyAttribute>() is not null;
        if (!keys.Enabled || !(ApiPaths.NeedsKey(http.Request.Path) || operatorOnly))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        var refusal = http.KeyTenant() switch
        {
            null => ErrorCodes.Unauthorized,
            ApiKeyRing.Operator => null,
            _ when ApiPaths.IsAdmin(http.Request.Path) || operatorOnly
                => ErrorCodes.OperatorKeyRequired,
            var tenant when http.GetRouteValue("tenant") is string routeTenant && !string.Equals(routeTenant, tenant, StringComparison.Ordinal)
                => ErrorCodes.ForbiddenTenant,
            _ => null,
        };
        if (refusal is null)
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, refusal));
        }

        return Task.CompletedTask;
    }
}
