using Microsoft.Extensions.Options;
using WabaActors.Domain.Rules;

namespace WabaActors.Host.Hosting;

/// <summary>Stops the host at start when the rules are unusable, naming the option.</summary>
/// <remarks>The rules take the sections <c>WabaActors:Pacing</c>, <c>WabaActors:Templates</c> and <c>WabaActors:Pricing</c> too; each error names its own section.</remarks>
public sealed class RulesOptionsValidator(IOptions<PacingOptions> pacing, IOptions<TemplatesOptions> templates, IOptions<PricingOptions> pricing)
    : IValidateOptions<RulesOptions>
{
    /// <summary>The rules the silo decides with: the profile, then every section's knobs.</summary>
    public static WabaRules Rules(RulesOptions rules, PacingOptions pacing, TemplatesOptions templates, PricingOptions pricing) =>
        rules.ToRules(pacing, templates, pricing);

    public ValidateOptionsResult Validate(string? name, RulesOptions options)
    {
        try
        {
            var errors = Rules(options, pacing.Value, templates.Value, pricing.Value).Validate();
            return errors.Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(errors.Select(e => e.StartsWith("Pacing:", StringComparison.Ordinal)
                    ? $"{PacingOptions.Section}:{e["Pacing:".Length..]}"
                    : $"{RulesOptions.Section}:{e}"));
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
