using WabaActors.Domain.Identity;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Identity;

public class MessageIdParse
{
    [Theory]
    [InlineData(1)]
    [InlineData(36)]
    [InlineData(256)]
    public void AcceptsOneTo256Characters(int length)
    {
        var input = new string('m', length);

        Assert.Equal(input, MessageId.Parse(input).Value.Value);
    }

    [Theory]
    [InlineData("wamid.HBgLNDIwNjAxMjM0NTY3FQIAERgSQ0E=")]
    [InlineData("order 42 / reminder")]
    [InlineData("zpráva-č.1")]
    [InlineData("a\u00a0b ~ \u00a0")]
    public void KeepsTheIdAsGiven(string input)
    {
        Assert.Equal(input, MessageId.Parse(input).Value.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("msg\u0000")]
    [InlineData("msg\n1")]
    [InlineData("msg\t1")]
    [InlineData("\u007f")]
    [InlineData("msg\u001f")]
    [InlineData("next\u0085line")]
    [InlineData("\u009f")]
    public void RefusesWithMessageIdFieldError(string? input)
    {
        MessageId.Parse(input).Invalid("messageId");
    }

    [Fact]
    public void Refuses257Characters()
    {
        MessageId.Parse(new string('m', 257)).Invalid("messageId");
    }
}
