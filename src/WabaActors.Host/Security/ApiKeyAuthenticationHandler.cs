using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace WabaActors.Host.Security;

/// <summary>
/// <c>Authorization: Bearer &lt;key&gt;</c> (or, on <see cref="BrowserKeyAttribute"/> endpoints, HTTP Basic
/// with the key as password) → an identity holding the key's tenant. A missing or
/// malformed header is no identity; an unknown key fails. Either way the authorization rules then
/// answer <c>401 unauthorized</c>. Nothing about the presented key is logged.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyRing keys, SecurityMetrics metrics)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Bearer = "Bearer ";

    // Far longer than any configured key: a longer token cannot match, so it is not even hashed.
    private const int MaxTokenLength = 1024;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!keys.Enabled || Request.Headers.Authorization is not [{ } header])
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        ReadOnlySpan<char> token;
        if (header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            token = header.AsSpan(Bearer.Length).Trim(' ');
        }
        else if (Context.GetEndpoint()?.Metadata.GetMetadata<BrowserKeyAttribute>() is not null
            && BasicPassword.From(header, MaxTokenLength) is { } password)
        {
            token = password;
        }
        else
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var key = token.Length is > 0 and <= MaxTokenLength ? keys.Find(token) : null;
        if (key is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not one of the configured keys."));
        }

        metrics.KeyUsed(key);
        var identity = new ClaimsIdentity([new Claim(ApiKeyClaims.Tenant, key.Tenant)], ApiKeyClaims.Scheme);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyClaims.Scheme)));
    }
}
