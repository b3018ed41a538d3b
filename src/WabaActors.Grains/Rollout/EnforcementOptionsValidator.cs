using Microsoft.Extensions.Options;
using WabaActors.Domain.Identity;

namespace WabaActors.Grains.Rollout;

/// <summary>Checks the modes and the tenant ids, naming the key: at start (the host stops) and on every reload (the last good value stays).</summary>
public sealed class EnforcementOptionsValidator : IValidateOptions<EnforcementOptions>
{
    public ValidateOptionsResult Validate(string? name, EnforcementOptions options)
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(options.Default))
        {
            errors.Add($"{EnforcementOptions.Section}:Default must be Enforce or Shadow.");
        }

        foreach (var (tenant, mode) in options.Tenants)
        {
            var key = $"{EnforcementOptions.Section}:Tenants:{tenant}";
            if (!TenantId.Parse(tenant).IsSuccess)
            {
                errors.Add($"{key}: a tenant id must match [a-z0-9][a-z0-9-]{{0,63}} (lower case).");
            }

            if (EnforcementOptions.ModeOf(mode) is null)
            {
                errors.Add($"{key} must be Enforce or Shadow.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
