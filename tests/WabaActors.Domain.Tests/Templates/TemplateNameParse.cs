using WabaActors.Domain.Templates;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Templates;

public class TemplateNameParse
{
    [Theory]
    [InlineData("order_update", "en")]
    [InlineData("order_update", "en_US")]
    [InlineData("hello_world_2", "zh_Hant_HK")]
    [InlineData("x", "fil")]
    public void AcceptsMetasNamesAndLanguageCodes(string name, string language)
    {
        Assert.Equal(new TemplateName(name, language), TemplateName.Parse(name, language).Value);
    }

    [Fact]
    public void AcceptsA512CharacterNameButNot513()
    {
        Assert.True(TemplateName.Parse(new string('a', 512), "en").IsSuccess);
        TemplateName.Parse(new string('a', 513), "en").Invalid("name");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Order_update")]
    [InlineData("order-update")]
    [InlineData("order update")]
    [InlineData("objednávka")]
    public void RefusesWithNameFieldErrorGivenAnInvalidName(string? name)
    {
        TemplateName.Parse(name, "en_US").Invalid("name");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("EN")]
    [InlineData("english")]
    [InlineData("en-US")]
    [InlineData("en_US_x_y")]
    public void RefusesWithLanguageFieldErrorGivenAnInvalidLanguage(string? language)
    {
        TemplateName.Parse("order_update", language).Invalid("language");
    }

    [Fact]
    public void NamesBothFieldsGivenBothInvalid()
    {
        TemplateName.Parse("Bad Name", "??").Invalid("name", "language");
    }

    [Fact]
    public void TellsTwoLanguagesOfOneNameApart()
    {
        Assert.NotEqual(TemplateName.Parse("order_update", "en").Value, TemplateName.Parse("order_update", "en_US").Value);
        Assert.Equal("order_update/en_US", TemplateName.Parse("order_update", "en_US").Value.ToString());
    }
}
