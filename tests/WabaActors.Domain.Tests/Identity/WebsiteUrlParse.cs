using WabaActors.Domain.Identity;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Identity;

public class WebsiteUrlParse
{
    [Theory]
    [InlineData("https://acme.example", "https://acme.example")]
    [InlineData("http://acme.example", "http://acme.example")]
    [InlineData("https://www.acme.cz/o-nas?lang=cs", "https://www.acme.cz/o-nas?lang=cs")]
    [InlineData(" https://acme.example ", "https://acme.example")]
    public void AcceptsAbsoluteHttpAddressWithDottedHost(string input, string value)
    {
        Assert.Equal(value, WebsiteUrl.Parse(input).Value.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("acme.example")]
    [InlineData("www.acme.example")]
    [InlineData("/about")]
    [InlineData("ftp://acme.example")]
    [InlineData("mailto:ops@acme.example")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://localhost")]
    [InlineData("https://")]
    public void RefusesWithWebsiteFieldError(string? input)
    {
        WebsiteUrl.Parse(input).Invalid("website");
    }

    [Fact]
    public void Accepts256CharactersButNot257()
    {
        const string Prefix = "https://acme.example/";
        var at256 = Prefix + new string('p', 256 - Prefix.Length);

        Assert.True(WebsiteUrl.Parse(at256).IsSuccess);
        WebsiteUrl.Parse(at256 + "p").Invalid("website");
    }
}
