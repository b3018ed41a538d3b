using WabaActors.Gateway.Dialog360;

namespace WabaActors.Gateway.Tests;

/// <summary>A bad or missing setting is refused at start with a message naming its key, never showing the partner key.</summary>
public sealed class Dialog360OptionsValidation
{
    private static Dialog360Options Valid() => new() { PartnerId = "abcPA", PartnerKey = "secret-key-value" };

    [Fact]
    public void DefaultsWithIdAndKeyAreValid() => Assert.True(new Dialog360OptionsValidator().Validate(null, Valid()).Succeeded);

    [Fact]
    public void MissingPartnerKeyIsNamed()
    {
        var result = new Dialog360OptionsValidator().Validate(null, new Dialog360Options { PartnerId = "abcPA" });

        Assert.Contains("WabaActors:Dialog360:PartnerKey is required", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PartnerId", "WabaActors:Dialog360:PartnerId")]
    [InlineData("BaseUrl", "WabaActors:Dialog360:BaseUrl")]
    [InlineData("AttemptTimeout", "WabaActors:Dialog360:AttemptTimeout")]
    [InlineData("TotalTimeout", "WabaActors:Dialog360:TotalTimeout")]
    [InlineData("ReadRetries", "WabaActors:Dialog360:ReadRetries")]
    [InlineData("BreakerFailureRatio", "WabaActors:Dialog360:BreakerFailureRatio")]
    [InlineData("BreakerMinimumThroughput", "WabaActors:Dialog360:BreakerMinimumThroughput")]
    [InlineData("ApiKeyHeader", "WabaActors:Dialog360:ApiKeyHeader")]
    public void BadValueIsNamed(string field, string key)
    {
        var o = Valid();
        switch (field)
        {
            case "PartnerId": o.PartnerId = " "; break;
            case "BaseUrl": o.BaseUrl = "ftp://hub"; break;
            case "AttemptTimeout": o.AttemptTimeout = TimeSpan.FromMinutes(5); break;
            case "TotalTimeout": o.TotalTimeout = TimeSpan.FromMinutes(1); break;
            case "ReadRetries": o.ReadRetries = 9; break;
            case "BreakerFailureRatio": o.BreakerFailureRatio = 0; break;
            case "BreakerMinimumThroughput": o.BreakerMinimumThroughput = 1; break;
            case "ApiKeyHeader": o.ApiKeyHeader = "x api key"; break;
        }

        var result = new Dialog360OptionsValidator().Validate(null, o);

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-key-value", result.FailureMessage, StringComparison.Ordinal);
    }
}
