using WabaActors.Domain.Identity;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Identity;

public class EmailAddressParse
{
    [Theory]
    [InlineData("ops@acme.example", "ops@acme.example")]
    [InlineData("  ops@acme.example  ", "ops@acme.example")]
    [InlineData("first.last+wa@mail.acme.cz", "first.last+wa@mail.acme.cz")]
    [InlineData("a@b.c", "a@b.c")]
    public void AcceptsAddressShapeAndTrims(string input, string value)
    {
        Assert.Equal(value, EmailAddress.Parse(input).Value.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ops")]
    [InlineData("ops@")]
    [InlineData("@acme.example")]
    [InlineData("ops@acme")]
    [InlineData("ops@.example")]
    [InlineData("ops@acme.")]
    [InlineData("ops@acme@example.com")]
    [InlineData("ops @acme.example")]
    [InlineData("ops@acme\u0000.example")]
    public void RefusesWithEmailFieldError(string? input)
    {
        EmailAddress.Parse(input).Invalid("email");
    }

    [Fact]
    public void Accepts254CharactersButNot255()
    {
        var at254 = new string('a', 64) + "@" + new string('b', 185) + ".com";

        Assert.True(EmailAddress.Parse(at254).IsSuccess);
        EmailAddress.Parse("a" + at254).Invalid("email");
    }
}
