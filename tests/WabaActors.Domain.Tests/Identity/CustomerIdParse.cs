using WabaActors.Domain.Identity;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Identity;

public class CustomerIdParse
{
    [Theory]
    [InlineData("123456", 123456L)]
    [InlineData("420601234567", 420601234567L)]
    [InlineData("999999999999999", 999999999999999L)]
    public void AcceptsSixToFifteenDigits(string input, long value)
    {
        var id = CustomerId.Parse(input).Value;

        Assert.Equal(value, id.Value);
        Assert.Equal(input, id.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567890123456")]
    [InlineData("+420601234567")]
    [InlineData("42060123456a")]
    [InlineData("420 601 234")]
    [InlineData("-12345678")]
    public void RefusesWithCustomerFieldError(string? input)
    {
        CustomerId.Parse(input).Invalid("customer");
    }

    [Fact]
    public void NamesTheCallersField()
    {
        CustomerId.Parse("1", "to").Invalid("to");
    }
}
