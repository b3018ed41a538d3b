using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using WabaActors.Domain.Identity;

namespace WabaActors.Host.Security;

/// <summary>Stops the host at start on an unusable key, naming the option (never the key).</summary>
public sealed partial class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>
{
    public const int MinKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var entry = options.ApiKeys[i];
            var at = $"{ApiKeyOptions.Section}:ApiKeys:{i}";
            if (string.IsNullOrWhiteSpace(entry.Key))
            {
                errors.Add($"{at}:Key is empty.");
            }
            else if (entry.Key.Length < MinKeyLength || entry.Key.Any(char.IsWhiteSpace))
            {
                errors.Add($"{at}:Key must be at least {MinKeyLength} characters with no white space.");
            }
            else if (!seen.Add(entry.Key))
            {
                errors.Add($"{at}:Key repeats an earlier key.");
            }

            if (entry.Tenant != ApiKeyRing.Operator && TenantId.Parse(entry.Tenant).Error is not null)
            {
                errors.Add($"{at}:Tenant must be a tenant id ([a-z0-9][a-z0-9-]{{0,63}}) or * for an operator key.");
            }

            if (entry.Name is not null && !NamePattern().IsMatch(entry.Name))
            {
                errors.Add($"{at}:Name must match [a-z0-9][a-z0-9._-]{{0,63}} (it is a metric tag, not a secret).");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{0,63}\z")]
    private static partial Regex NamePattern();
}
