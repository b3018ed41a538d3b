using Microsoft.Extensions.Options;

namespace WabaActors.Gateway.Dialog360;

/// <summary>Checked at start when <c>WabaActors:Gateway=Dialog360</c>; every message names its key (and never shows the partner key).</summary>
public sealed class Dialog360OptionsValidator : IValidateOptions<Dialog360Options>
{
    private const string S = Dialog360Options.Section;

    public ValidateOptionsResult Validate(string? name, Dialog360Options o)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.PartnerKey))
        {
            errors.Add($"{S}:PartnerKey is required when WabaActors:Gateway=Dialog360 (the 360dialog Partner API key; set it through the environment).");
        }

        if (string.IsNullOrWhiteSpace(o.PartnerId))
        {
            errors.Add($"{S}:PartnerId is required when WabaActors:Gateway=Dialog360.");
        }

        if (!Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            errors.Add($"{S}:BaseUrl must be an absolute http(s) URL.");
        }

        if (string.IsNullOrWhiteSpace(o.ApiKeyHeader) || o.ApiKeyHeader.Any(c => c <= ' ' || c >= 127 || c == ':'))
        {
            errors.Add($"{S}:ApiKeyHeader must be an HTTP header name.");
        }

        if (string.IsNullOrWhiteSpace(o.CodeLanguage))
        {
            errors.Add($"{S}:CodeLanguage is required (e.g. en).");
        }

        Between(errors, o.AttemptTimeout, "AttemptTimeout", TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(25));
        Between(errors, o.TotalTimeout, "TotalTimeout", o.AttemptTimeout, TimeSpan.FromSeconds(25));
        Between(errors, o.RetryDelay, "RetryDelay", TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Between(errors, o.BreakerSamplingDuration, "BreakerSamplingDuration", TimeSpan.FromMilliseconds(500), TimeSpan.FromHours(1));
        Between(errors, o.BreakerBreakDuration, "BreakerBreakDuration", TimeSpan.FromMilliseconds(500), TimeSpan.FromHours(1));
        if (o.ReadRetries is < 0 or > 5)
        {
            errors.Add($"{S}:ReadRetries must be between 0 and 5.");
        }

        if (o.BreakerFailureRatio is <= 0 or > 1)
        {
            errors.Add($"{S}:BreakerFailureRatio must be above 0 and at most 1.");
        }

        if (o.BreakerMinimumThroughput < 2)
        {
            errors.Add($"{S}:BreakerMinimumThroughput must be at least 2.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Between(List<string> errors, TimeSpan value, string key, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{S}:{key} must be between {min} and {max}.");
        }
    }
}
