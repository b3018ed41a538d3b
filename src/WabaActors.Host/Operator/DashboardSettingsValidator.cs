using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace WabaActors.Host.Operator;

/// <summary>Stops the host at start on a dashboard path that is malformed or would shadow the host's own paths.</summary>
public sealed partial class DashboardSettingsValidator : IValidateOptions<DashboardSettings>
{
    private static readonly string[] Reserved = ["/v1", "/health", "/openapi", "/scalar", OperatorPage.Prefix];

    public ValidateOptionsResult Validate(string? name, DashboardSettings options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var path = options.Path ?? string.Empty;
        if (!PathPattern().IsMatch(path))
        {
            return ValidateOptionsResult.Fail($"{DashboardSettings.Section}:Path must look like /dashboard (segments of letters, digits, '-', '_').");
        }

        return Reserved.Any(r => new PathString(path).StartsWithSegments(r, StringComparison.OrdinalIgnoreCase)
                || new PathString(r).StartsWithSegments(path, StringComparison.OrdinalIgnoreCase))
            ? ValidateOptionsResult.Fail($"{DashboardSettings.Section}:Path must not overlap the host's own paths ({string.Join(", ", Reserved)}).")
            : ValidateOptionsResult.Success;
    }

    [GeneratedRegex("^(/[A-Za-z0-9_-]+)+$")]
    private static partial Regex PathPattern();
}
