using Microsoft.AspNetCore.Authorization;

namespace WabaActors.Host.Security;

/// <summary>The one authorization rule of the API: a known key, of the route's tenant or an operator's.</summary>
public sealed class ApiKeyAccessRequirement : IAuthorizationRequirement;
