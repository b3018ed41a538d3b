using Microsoft.Extensions.Configuration;

namespace WabaActors.Api.Tests.Support;

/// <summary>
/// Configuration a test changes while the host runs, on top of every other source: each <see cref="Set"/> is a
/// reload, as an edited appsettings.json or a changed ConfigMap is one.
/// </summary>
public sealed class LiveSettings : IConfigurationSource
{
    private readonly Provider _provider = new();

    public IConfigurationProvider Build(IConfigurationBuilder builder) => _provider;

    /// <summary>Sets <paramref name="key"/> (null removes it) and reloads the configuration.</summary>
    public void Set(string key, string? value) => _provider.Put(key, value);

    private sealed class Provider : ConfigurationProvider
    {
        public void Put(string key, string? value)
        {
            if (value is null)
            {
                Data.Remove(key);
            }
            else
            {
                Data[key] = value;
            }

            OnReload();
        }
    }
}
