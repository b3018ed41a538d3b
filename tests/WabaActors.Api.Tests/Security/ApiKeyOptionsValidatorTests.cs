using Microsoft.Extensions.Options;
using WabaActors.Host.Security;

namespace WabaActors.Api.Tests;

/// <summary>Unusable keys stop the host at start with a message naming the option, never the key.</summary>
public class ApiKeyOptionsValidatorTests
{
    private const string Good = "0123456789abcdef-good";

    [Fact]
    public void AcceptsNoKeys() => Assert.True(Validate().Succeeded);

    [Fact]
    public void AcceptsTenantAndOperatorKeys() => Assert.True(Validate(("acme", Good), ("*", Good + "-op")).Succeeded);

    [Theory]
    [InlineData(null, "Auth:ApiKeys:1:Key is empty")]
    [InlineData("", "Auth:ApiKeys:1:Key is empty")]
    [InlineData("short-key", "Auth:ApiKeys:1:Key must be at least 16")]
    [InlineData("0123456789 abcdef-x", "Auth:ApiKeys:1:Key must be at least 16")]
    [InlineData(Good, "Auth:ApiKeys:1:Key repeats")]
    public void RefusesABadKeyNamingIt(string? key, string message)
    {
        var result = Validate(("acme", Good), ("acme", key));

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
        if (key is { Length: > 0 })
        {
            Assert.DoesNotContain(key, result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Acme")]
    [InlineData("-acme")]
    [InlineData("acme.example")]
    [InlineData("**")]
    public void RefusesATenantThatIsNotATenantIdOrStar(string? tenant)
    {
        var result = Validate(("acme", Good), (tenant, Good + "-2"));

        Assert.True(result.Failed);
        Assert.Contains("Auth:ApiKeys:1:Tenant", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("acme-2026-12", true)]
    [InlineData("op.1_a", true)]
    [InlineData("Acme", false)]
    [InlineData("-acme", false)]
    [InlineData("acme key", false)]
    [InlineData("acme\n", false)]
    [InlineData("", false)]
    public void NameIsOptionalAndAMetricTagWhenGiven(string name, bool valid)
    {
        var result = new ApiKeyOptionsValidator().Validate(null, new ApiKeyOptions { ApiKeys = [new ApiKeyEntry { Tenant = "acme", Key = Good, Name = name }] });

        Assert.Equal(valid, result.Succeeded);
        Assert.True(valid || result.FailureMessage!.Contains("Auth:ApiKeys:0:Name", StringComparison.Ordinal));
    }

    private static ValidateOptionsResult Validate(params (string? Tenant, string? Key)[] keys) =>
        new ApiKeyOptionsValidator().Validate(null, new ApiKeyOptions { ApiKeys = [.. keys.Select(k => new ApiKeyEntry { Tenant = k.Tenant, Key = k.Key })] });
}
