using WabaActors.Domain.Identity;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Identity;

public class TenantIdParse
{
    [Theory]
    [InlineData("a")]
    [InlineData("7")]
    [InlineData("acme")]
    [InlineData("acme-cz-2")]
    [InlineData("a-")]
    public void AcceptsLowercaseAlphanumericWithDashes(string input)
    {
        Assert.Equal(input, TenantId.Parse(input).Value.Value);
    }

    [Fact]
    public void Accepts64CharactersButNot65()
    {
        Assert.True(TenantId.Parse(new string('a', 64)).IsSuccess);
        TenantId.Parse(new string('a', 65)).Invalid("tenant");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-acme")]
    [InlineData("Acme")]
    [InlineData("acme_cz")]
    [InlineData("acme.cz")]
    [InlineData("acme cz")]
    [InlineData("ácme")]
    public void RefusesWithTenantFieldError(string? input)
    {
        TenantId.Parse(input).Invalid("tenant");
    }
}
