using WabaActors.Grains.Notifications;

namespace WabaActors.Grains.Tests.Notifications;

public class NotificationOptionsValidate
{
    private const string Secret = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void DisabledNeedsNothing()
    {
        Assert.True(Validate(new NotificationOptions()).Succeeded);
    }

    [Theory]
    [InlineData("https://hooks.mluvii.example/waba")]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://[::1]:9000/hook")]
    public void HttpsOrLoopbackHttpIsAccepted(string endpoint)
    {
        Assert.True(Validate(Enabled(endpoint)).Succeeded);
    }

    [Theory]
    [InlineData("http://hooks.mluvii.example/waba")]
    [InlineData("ftp://hooks.mluvii.example/waba")]
    [InlineData("http://10.0.0.5/hook")]
    public void AnythingElseIsRefusedNamingTheEndpointKey(string endpoint)
    {
        var result = Validate(Enabled(endpoint));

        Assert.True(result.Failed);
        Assert.Contains("WabaActors:Notifications:Endpoint must use https", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void CredentialsInTheUrlAreRefused()
    {
        Assert.Contains("WabaActors:Notifications:Endpoint", Validate(Enabled("https://user:pw@hooks.mluvii.example/")).FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("short")]
    public void AMissingOrShortSecretIsRefusedWithoutEchoingIt(string? secret)
    {
        var options = Enabled("https://hooks.mluvii.example/");
        options.Secret = secret;

        var result = Validate(options);

        Assert.Contains("WabaActors:Notifications:Secret must be at least 32 characters", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("short", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AMaximumBelowTheInitialBackoffIsRefused()
    {
        var options = Enabled("https://hooks.mluvii.example/");
        (options.BackoffInitial, options.BackoffMax) = (TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(1));

        Assert.Contains("WabaActors:Notifications:BackoffMax", Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    private static NotificationOptions Enabled(string endpoint) => new() { Enabled = true, Endpoint = new Uri(endpoint), Secret = Secret };

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(NotificationOptions options) =>
        new NotificationOptionsValidator().Validate(null, options);
}
