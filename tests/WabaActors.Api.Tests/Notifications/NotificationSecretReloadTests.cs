using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WabaActors.Api.Tests.Support;
using WabaActors.Grains.Notifications;
using WabaActors.Host.Notifications;
using WabaActors.Tests.Shared;

namespace WabaActors.Api.Tests;

/// <summary>
/// docs/operations.md "Rotating keys and secrets": a changed notification secret signs the next request
/// without a restart; a change that would leave no usable secret is refused and the last one kept.
/// </summary>
public class NotificationSecretReloadTests
{
    private const string Section = NotificationOptions.Section;
    private const string Old = "old-notification-secret-0123456789abcdef";

    [Fact]
    public async Task NewSecretSignsTheNextRequestAndAnUnusableOneIsRefused()
    {
        await using var receiver = await StubReceiver.StartAsync();
        var (configuration, logs) = (new ConfigurationManager(), new LogSink());
        await using var provider = Sender(configuration, logs, receiver, Old);
        var sender = provider.GetRequiredService<INotificationSender>();
        var batch = new NotificationBatch("acme", "waba-rotation-" + Guid.NewGuid().ToString("N")[..8], []);

        await sender.SendAsync(batch, CancellationToken.None);
        Assert.False(receiver.RequestsFor(batch.Waba)[^1].SignatureValid);

        Change(configuration, StubReceiver.Secret);
        await sender.SendAsync(batch, CancellationToken.None);
        Assert.True(receiver.RequestsFor(batch.Waba)[^1].SignatureValid);

        Change(configuration, "too-short");
        await sender.SendAsync(batch, CancellationToken.None);
        Assert.True(receiver.RequestsFor(batch.Waba)[^1].SignatureValid);
        Assert.Contains(logs.Lines, l => l.StartsWith("Error ", StringComparison.Ordinal) && l.Contains("[204]", StringComparison.Ordinal)
            && l.Contains($"{Section}:Secret", StringComparison.Ordinal) && !l.Contains("too-short", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AValueTheBinderCannotReadIsRefusedAndTheLastSecretKept()
    {
        await using var receiver = await StubReceiver.StartAsync();
        var (configuration, logs) = (new ConfigurationManager(), new LogSink());
        await using var provider = Sender(configuration, logs, receiver, StubReceiver.Secret);
        var sender = provider.GetRequiredService<INotificationSender>();
        var batch = new NotificationBatch("acme", "waba-unreadable-" + Guid.NewGuid().ToString("N")[..8], []);
        await sender.SendAsync(batch, CancellationToken.None);

        // A typo in a reloading file: the change is refused (not thrown into the configuration's reload).
        configuration[$"{Section}:Timeout"] = "soon";
        ((IConfigurationRoot)configuration).Reload();

        await sender.SendAsync(batch, CancellationToken.None);
        Assert.True(receiver.RequestsFor(batch.Waba)[^1].SignatureValid);
        Assert.Contains(logs.Lines, l => l.StartsWith("Error ", StringComparison.Ordinal) && l.Contains("[204]", StringComparison.Ordinal)
            && l.Contains($"{Section}:Timeout", StringComparison.Ordinal) && !l.Contains("soon", StringComparison.Ordinal));
    }

    /// <summary>The notification sender on <paramref name="configuration"/>, signing with <paramref name="secret"/> to begin with.</summary>
    private static ServiceProvider Sender(ConfigurationManager configuration, LogSink logs, StubReceiver receiver, string secret)
    {
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{Section}:Enabled"] = "true",
            [$"{Section}:Endpoint"] = receiver.Endpoint.ToString(),
            [$"{Section}:Secret"] = secret,
        });
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(l => l.AddProvider(logs))
            .AddSingleton(TimeProvider.System);
        services.AddOptions<NotificationOptions>().BindConfiguration(Section);
        services.AddSingleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>();
        services.AddWabaNotifications();
        return services.BuildServiceProvider();
    }

    /// <summary>A configuration change as a reloading source makes it: the value, then the change signal.</summary>
    private static void Change(ConfigurationManager configuration, string secret)
    {
        configuration[$"{Section}:Secret"] = secret;
        ((IConfigurationRoot)configuration).Reload();
    }
}
