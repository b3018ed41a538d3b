using WabaActors.Domain.Identity;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Identity;

public class PhoneNumberParse
{
    [Theory]
    [InlineData("420601234567", "420601234567")]
    [InlineData("+420601234567", "420601234567")]
    [InlineData("12345678", "12345678")]
    [InlineData("+12345678", "12345678")]
    [InlineData("123456789012345", "123456789012345")]
    [InlineData("+123456789012345", "123456789012345")]
    public void AcceptsEightToFifteenDigitsWithOrWithoutPlus(string input, string digits)
    {
        var phone = PhoneNumber.Parse(input).Value;

        Assert.Equal(digits, phone.Digits);
        Assert.Equal("+" + digits, phone.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("+")]
    [InlineData("1234567")]
    [InlineData("+1234567")]
    [InlineData("1234567890123456")]
    [InlineData("+1234567890123456")]
    [InlineData("0420601234567")]
    [InlineData("+0420601234567")]
    [InlineData("++420601234567")]
    [InlineData("420 601 234 567")]
    [InlineData("420-601-234567")]
    [InlineData("42060123456a")]
    [InlineData("\u0664\u0662\u0660\u0666\u0660\u0661\u0662\u0663\u0664")]
    public void RefusesWithPhoneNumberFieldError(string? input)
    {
        PhoneNumber.Parse(input).Invalid("phoneNumber");
    }

    [Fact]
    public void NamesTheCallersField()
    {
        PhoneNumber.Parse("12", "phone").Invalid("phone");
    }
}
