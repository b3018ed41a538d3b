using Microsoft.Extensions.Options;
using WabaActors.Domain.Rules;

namespace WabaActors.Host.Hosting;

/// <summary>Stops the host at start when the rules are unusable, naming the option.</summary>
public sealed class RulesOptionsValidator : IValidateOptions<RulesOptions>
{
    public ValidateOptionsResult Validate(string? name, RulesOptions options)
    {
        try
        {
            var errors = options.ToRules().Validate();
            return errors.Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(errors.Select(e => $"{RulesOptions.Section}:{e}"));
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
