using Microsoft.Extensions.Options;

namespace WabaActors.Host.Reload;

public static class ReloadHosting
{
    /// <summary>
    /// <see cref="LastGoodOptions{TOptions}"/> of <typeparamref name="TOptions"/> as a singleton: the
    /// options bound, validated and replaced whenever the configuration changes (ADR 0026).
    /// </summary>
    public static IServiceCollection AddLastGoodOptions<TOptions>(
        this IServiceCollection services, string section, Func<TOptions, string> describe, Func<TOptions, TOptions, string?>? guard = null)
        where TOptions : class =>
        services.AddSingleton(sp => new LastGoodOptions<TOptions>(
            sp.GetRequiredService<IOptionsFactory<TOptions>>(), sp.GetServices<IOptionsChangeTokenSource<TOptions>>(),
            sp.GetRequiredService<ILogger<LastGoodOptions<TOptions>>>(), section, describe, guard));

    /// <summary>
    /// The secrets file (<c>WabaActors:SecretsFile</c>, or env <c>WABA_SECRETS_FILE</c>): a JSON file of
    /// configuration read last, so it wins over environment variables, and read again whenever it changes.
    /// Kubernetes mounts a Secret as such a file and replaces it in place (docs/operations.md).
    /// </summary>
    public static IConfigurationBuilder AddWabaSecretsFile(this IConfigurationManager configuration)
    {
        var path = configuration[SecretsFileSetting] is { Length: > 0 } configured ? configured
            : Environment.GetEnvironmentVariable(SecretsFileVariable);
        return string.IsNullOrEmpty(path)
            ? configuration
            : configuration.AddJsonFile(Path.GetFullPath(path), optional: false, reloadOnChange: true);
    }

    public const string SecretsFileSetting = "WabaActors:SecretsFile";
    public const string SecretsFileVariable = "WABA_SECRETS_FILE";
}
