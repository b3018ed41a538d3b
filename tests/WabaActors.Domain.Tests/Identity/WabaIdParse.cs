using WabaActors.Domain.Identity;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Identity;

public class WabaIdParse
{
    [Theory]
    [InlineData("1")]
    [InlineData("102290129340398")]
    [InlineData("Waba_1-CZ")]
    [InlineData("-")]
    public void AcceptsLettersDigitsUnderscoresAndDashes(string input)
    {
        Assert.Equal(input, WabaId.Parse(input).Value.Value);
    }

    [Fact]
    public void Accepts64CharactersButNot65()
    {
        Assert.True(WabaId.Parse(new string('W', 64)).IsSuccess);
        WabaId.Parse(new string('W', 65)).Invalid("waba");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("waba.1")]
    [InlineData("waba 1")]
    [InlineData("waba/1")]
    [InlineData("wába")]
    [InlineData("waba\n")]
    public void RefusesWithWabaFieldError(string? input)
    {
        WabaId.Parse(input).Invalid("waba");
    }
}
