using Microsoft.Extensions.Options;

namespace WabaActors.Grains.Notifications;

/// <summary>The checks across fields: an enabled notifier needs an endpoint it may use and a secret.</summary>
public sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    public const int MinimumSecretLength = 32;
    private const string Key = NotificationOptions.Section;

    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.Endpoint is not { IsAbsoluteUri: true } endpoint)
        {
            failures.Add($"{Key}:Endpoint must be an absolute https URL when {Key}:Enabled is true.");
        }
        else if (endpoint.Scheme != Uri.UriSchemeHttps && !(endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback))
        {
            failures.Add($"{Key}:Endpoint must use https (http is accepted only for a loopback host such as 127.0.0.1 or localhost).");
        }
        else if (!string.IsNullOrEmpty(endpoint.UserInfo))
        {
            failures.Add($"{Key}:Endpoint must not carry credentials in the URL (the requests are signed with {Key}:Secret).");
        }

        if (string.IsNullOrWhiteSpace(options.Secret) || options.Secret.Length < MinimumSecretLength)
        {
            failures.Add($"{Key}:Secret must be at least {MinimumSecretLength} characters when {Key}:Enabled is true.");
        }

        if (options.BackoffMax < options.BackoffInitial)
        {
            failures.Add($"{Key}:BackoffMax must be at least {Key}:BackoffInitial.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
