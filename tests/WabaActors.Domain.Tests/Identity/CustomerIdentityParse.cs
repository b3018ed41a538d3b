using WabaActors.Domain.Identity;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Identity;

/// <summary>
/// The grammar of a customer (docs/adr/0020-customers-are-people.md, section 1): a phone as
/// <see cref="CustomerId"/> takes it, optionally after a +, or a BSUID
/// <c>^[A-Z]{2}\.(ENT\.)?[A-Za-z0-9]{1,256}$</c>. Meta's examples come from its BSUID page.
/// </summary>
public class CustomerIdentityParse
{
    public static TheoryData<string, CustomerKind, bool> Valid() => new()
    {
        { "US.13491208655302741918", CustomerKind.Bsuid, true },
        { "US.ENT.11815799212886844830", CustomerKind.ParentBsuid, true },
        { "BR.1", CustomerKind.Bsuid, true },
        { "ZZ.999999999999999999999999", CustomerKind.Bsuid, true },
        { "ZZ.ENT.999999999999999999999999", CustomerKind.ParentBsuid, true },
        { "AA.1000000000000000000000000", CustomerKind.Bsuid, false },
        { "US.0123", CustomerKind.Bsuid, false },
        { "US.AbC123xyz", CustomerKind.Bsuid, false },
        { "US.ENT", CustomerKind.Bsuid, false },
        { "US.ENT.ENT", CustomerKind.ParentBsuid, false },
        { "US." + new string('a', 256), CustomerKind.Bsuid, false },
        { "US.ENT." + new string('7', 256), CustomerKind.ParentBsuid, false },
        { "123456", CustomerKind.Phone, false },
        { "420601234567", CustomerKind.Phone, false },
        { "+420601234567", CustomerKind.Phone, false },
        { "999999999999999", CustomerKind.Phone, false },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void AcceptsPhonesAndBsuidsAndAnswersTheTextAsReceived(string input, CustomerKind kind, bool packed)
    {
        var customer = CustomerIdentity.Parse(input).Value;

        Assert.Equal(input, customer.ToString());
        Assert.Equal(kind, customer.Kind);
        Assert.Equal(kind == CustomerKind.Phone, customer.IsPhone);
        Assert.Equal(packed, customer.Key.IsPacked);
        Assert.Equal(kind != CustomerKind.Phone, customer.Key.IsBsuid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t")]
    [InlineData(" US.1")]
    [InlineData("US.1 ")]
    [InlineData("us.13491208655302741918")]
    [InlineData("Us.13491208655302741918")]
    [InlineData("US..1")]
    [InlineData("US.")]
    [InlineData("US.ENT.")]
    [InlineData("US.ENT..1")]
    [InlineData("US.ent.1.2")]
    [InlineData("U.1")]
    [InlineData("USA.1")]
    [InlineData("US-1")]
    [InlineData("US.12_3")]
    [InlineData("US.1-2")]
    [InlineData("US.ä1")]
    [InlineData("ÜS.1")]
    [InlineData("@bob")]
    [InlineData("bob")]
    [InlineData("+0420601234")]
    [InlineData("0420601234")]
    [InlineData("+")]
    [InlineData("++420601234")]
    [InlineData("+12345")]
    [InlineData("1234567890123456")]
    [InlineData("420 601 234")]
    [InlineData("-12345678")]
    public void RefusesWithCustomerFieldError(string? input)
    {
        CustomerIdentity.Parse(input).Invalid("customer");
    }

    [Fact]
    public void RefusesABodyOf257Characters()
    {
        CustomerIdentity.Parse("US." + new string('1', 257)).Invalid("customer");
        CustomerIdentity.Parse("US.ENT." + new string('a', 257)).Invalid("customer");
    }

    [Fact]
    public void NamesTheCallersField()
    {
        CustomerIdentity.Parse("@bob", "to").Invalid("to");
        CustomerIdentity.Parse("+0", "recipient").Invalid("recipient");
    }

    [Fact]
    public void APhoneKeepsTodaysKeyWithOrWithoutThePlus()
    {
        var bare = CustomerIdentity.Parse("420601234567").Value;
        var plus = CustomerIdentity.Parse("+420601234567").Value;

        Assert.Equal(new CustomerKey(420601234567L, 0), bare.Key);
        Assert.Equal(bare.Key, plus.Key);
        Assert.Equal(bare, plus);
        Assert.Equal(new CustomerId(420601234567L), plus.Phone);
        Assert.Equal("+420601234567", plus.ToString());
    }

    [Fact]
    public void BsuidsCompareOrdinallyAndHaveNoPhone()
    {
        var upper = CustomerIdentity.Parse("US.AbC").Value;
        var lower = CustomerIdentity.Parse("US.abc").Value;

        Assert.NotEqual(upper, lower);
        Assert.Equal(upper, CustomerIdentity.Parse("US.AbC").Value);
        Assert.Null(upper.Phone);
    }

    [Fact]
    public void AParentAndAChildWithTheSameBodyDiffer()
    {
        var child = CustomerIdentity.Parse("US.11815799212886844830").Value;
        var parent = CustomerIdentity.Parse("US.ENT.11815799212886844830").Value;

        Assert.NotEqual(child.Key, parent.Key);
    }
}
