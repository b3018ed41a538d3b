using WabaActors.Domain.Pricing;

namespace WabaActors.Domain.Tests.Pricing;

/// <summary>A price packed into the one byte the permit ledger and the grant row store.</summary>
public class PriceCode
{
    public static TheoryData<PricingCategory, FreeReason> Every()
    {
        var data = new TheoryData<PricingCategory, FreeReason>();
        foreach (var category in Enum.GetValues<PricingCategory>())
        {
            foreach (var free in Enum.GetValues<FreeReason>())
            {
                data.Add(category, free);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void ReadsBackTheSamePriceGivenItsCode(PricingCategory category, FreeReason free)
    {
        var price = new Price(category, free);

        Assert.Equal(price, Price.FromCode(price.Code));
        Assert.NotEqual(0, price.Code);
        Assert.Equal(free == FreeReason.None, price.Billable);
    }

    [Fact]
    public void GivesEveryPriceItsOwnCode()
    {
        var codes = Every().Select(row => new Price((PricingCategory)row[0], (FreeReason)row[1]).Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(24)]
    [InlineData(256)]
    [InlineData(-4)]
    public void ReadsNoPriceGivenACodeNoVersionWrote(int code)
    {
        Assert.Null(Price.FromCode(code));
    }

    [Fact]
    public void KeepsTheStoredCodesOfTheFirstVersion()
    {
        Assert.Equal(5, new Price(PricingCategory.Service, FreeReason.CustomerServiceWindow).Code);
        Assert.Equal(7, new Price(PricingCategory.Service, FreeReason.MonthlyAllowance).Code);
        Assert.Equal(8, new Price(PricingCategory.Marketing, FreeReason.None).Code);
        Assert.Equal(20, new Price(PricingCategory.Unknown, FreeReason.None).Code);
    }
}
