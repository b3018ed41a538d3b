using Microsoft.Extensions.Options;

namespace WabaActors.Host.Webhooks;

/// <summary>Stops the host on a secret that cannot be what Meta sends, naming the option (never the value).</summary>
public sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public const int MaxLength = 1024;

    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var errors = new List<string>();
        Check(options.AppSecret, "AppSecret", errors);
        Check(options.VerifyToken, "VerifyToken", errors);
        Check(options.Dialog360Secret, "Dialog360Secret", errors);
        CheckPrevious(options.AppSecret, options.AppSecretPrevious, "AppSecret", errors);
        CheckPrevious(options.VerifyToken, options.VerifyTokenPrevious, "VerifyToken", errors);
        CheckPrevious(options.Dialog360Secret, options.Dialog360SecretPrevious, "Dialog360Secret", errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Unset is allowed (webhooks answer 503); set, it must be 1–1024 characters with no white space or control characters.</summary>
    private static void Check(string? value, string key, List<string> errors)
    {
        if (value is null || value.Length == 0)
        {
            return;
        }

        if (value.Length > MaxLength || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            errors.Add($"{WebhookOptions.Section}:{key} must be 1–{MaxLength} characters with no white space or control characters.");
        }
    }

    /// <summary>A previous secret only beside a current one: it is the overlap of a rotation, never the only secret.</summary>
    private static void CheckPrevious(string? current, string? previous, string key, List<string> errors)
    {
        Check(previous, key + "Previous", errors);
        if (!string.IsNullOrEmpty(previous) && string.IsNullOrEmpty(current))
        {
            errors.Add($"{WebhookOptions.Section}:{key}Previous is set without {WebhookOptions.Section}:{key}: set the new secret as {key} and the old one as {key}Previous.");
        }
    }
}
