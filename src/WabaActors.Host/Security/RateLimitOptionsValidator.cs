using Microsoft.Extensions.Options;

namespace WabaActors.Host.Security;

/// <summary>The cross-field rule: a bucket smaller than one period's refill would silently cap it.</summary>
public sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options) =>
        options.Burst > 0 && options.Burst < options.PermitsPerPeriod
            ? ValidateOptionsResult.Fail($"{RateLimitOptions.Section}:Burst ({options.Burst}) must be 0 or at least PermitsPerPeriod ({options.PermitsPerPeriod}).")
            : ValidateOptionsResult.Success;
}
