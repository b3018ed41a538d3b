using WabaActors.Domain.Messaging;
using WabaActors.Domain.Pricing;
using WabaActors.Domain.Templates;

namespace WabaActors.Domain.Tests.Pricing;

/// <summary>Meta's dated pricing (api.md "Pricing on every allowed decision"; meta-2026-webhooks.md §4).</summary>
public class PricingSchedulePrice
{
    private static readonly DateTimeOffset LastSecondOfSeptember = new(2026, 9, 30, 23, 59, 59, TimeSpan.Zero);
    private static readonly DateTimeOffset October = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly PricingSchedule Meta = PricingSchedule.Meta;

    [Fact]
    public void FreesAUtilityTemplateInsideTheWindowUntilTheLastSecondOfSeptember2026()
    {
        Assert.Equal(new Price(PricingCategory.Utility, FreeReason.CustomerServiceWindow), Template(TemplateCategory.Utility, true, LastSecondOfSeptember));
        Assert.Equal(new Price(PricingCategory.Utility, FreeReason.None), Template(TemplateCategory.Utility, true, October));
    }

    [Fact]
    public void BillsAUtilityTemplateOutsideTheWindowUnderEveryPeriod()
    {
        Assert.True(Template(TemplateCategory.Utility, false, LastSecondOfSeptember).Billable);
        Assert.True(Template(TemplateCategory.Utility, false, October).Billable);
    }

    [Fact]
    public void PricesAServiceMessageFreeInTheWindowUntilSeptemberThenFromTheMonthlyAllowance()
    {
        var allowance = new ServiceAllowance();

        Assert.Equal(new Price(PricingCategory.Service, FreeReason.CustomerServiceWindow), Session(allowance, LastSecondOfSeptember));
        Assert.Equal(0, allowance.Used);
        Assert.Equal(new Price(PricingCategory.Service, FreeReason.MonthlyAllowance), Session(allowance, October));
        Assert.Equal(1, allowance.Used);
    }

    [Fact]
    public void FreesTheThousandthServiceMessageOfTheMonthAndBillsTheThousandAndFirst()
    {
        var allowance = new ServiceAllowance();
        for (var i = 1; i < 1_000; i++)
        {
            Assert.Equal(FreeReason.MonthlyAllowance, Session(allowance, October.AddMinutes(i)).Free);
        }

        var thousandth = Session(allowance, new DateTimeOffset(2026, 10, 31, 23, 59, 59, TimeSpan.Zero));
        var thousandAndFirst = Session(allowance, new DateTimeOffset(2026, 10, 31, 23, 59, 59, TimeSpan.Zero));

        Assert.Equal(new Price(PricingCategory.Service, FreeReason.MonthlyAllowance), thousandth);
        Assert.Equal(new Price(PricingCategory.Service, FreeReason.None), thousandAndFirst);
        Assert.True(thousandAndFirst.Billable);
        Assert.Equal(1_000, allowance.Used);
    }

    [Fact]
    public void FreesServiceMessagesAgainGivenTheUtcMonthRolledOver()
    {
        var allowance = new ServiceAllowance();
        allowance.Restore(ServiceAllowance.MonthOf(October), 1_000);
        var lastTickOfOctober = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(-1);

        Assert.True(Session(allowance, lastTickOfOctober).Billable);
        // 1 Nov 00:30 in Prague is still 31 Oct in UTC: the month is Meta's UTC month.
        Assert.True(Session(allowance, new DateTimeOffset(2026, 11, 1, 0, 30, 0, TimeSpan.FromHours(1))).Billable);
        Assert.Equal(FreeReason.MonthlyAllowance, Session(allowance, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)).Free);
        Assert.Equal((ServiceAllowance.MonthOf(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)), 1), (allowance.Month, allowance.Used));
    }

    [Theory]
    [InlineData(TemplateCategory.Marketing, PricingCategory.Marketing)]
    [InlineData(TemplateCategory.Utility, PricingCategory.Utility)]
    [InlineData(TemplateCategory.Authentication, PricingCategory.Authentication)]
    [InlineData(null, PricingCategory.Unknown)]
    public void FreesEverythingGivenAFreeEntryPoint(TemplateCategory? category, PricingCategory priced)
    {
        var allowance = new ServiceAllowance();
        foreach (var at in new[] { LastSecondOfSeptember, October })
        {
            Assert.Equal(new Price(priced, FreeReason.FreeEntryPoint), Meta.Price(MessageType.Template, category, false, true, allowance, at));
            Assert.Equal(new Price(PricingCategory.Service, FreeReason.FreeEntryPoint), Meta.Price(MessageType.Session, null, true, true, allowance, at));
        }

        Assert.Equal(0, allowance.Used);
    }

    [Theory]
    [InlineData(TemplateCategory.Marketing, PricingCategory.Marketing)]
    [InlineData(TemplateCategory.Authentication, PricingCategory.Authentication)]
    [InlineData(null, PricingCategory.Unknown)]
    public void BillsMarketingAuthenticationAndUnknownTemplatesInsideOrOutsideTheWindow(TemplateCategory? category, PricingCategory priced)
    {
        foreach (var at in new[] { LastSecondOfSeptember, October })
        {
            foreach (var windowOpen in new[] { true, false })
            {
                Assert.Equal(new Price(priced, FreeReason.None), Template(category, windowOpen, at));
            }
        }
    }

    [Fact]
    public void UsesTheFirstPeriodGivenAnInstantBeforeTheSchedule()
    {
        var early = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Same(Meta.Periods[0], Meta.At(early));
        Assert.Same(Meta.Periods[1], Meta.At(October));
        Assert.Same(Meta.Periods[0], Meta.At(LastSecondOfSeptember));
    }

    [Fact]
    public void RefusesAnEmptySchedule()
    {
        Assert.Throws<ArgumentException>(() => new PricingSchedule([]));
    }

    private static Price Template(TemplateCategory? category, bool windowOpen, DateTimeOffset at) =>
        Meta.Price(MessageType.Template, category, windowOpen, false, new ServiceAllowance(), at);

    private static Price Session(ServiceAllowance allowance, DateTimeOffset at) =>
        Meta.Price(MessageType.Session, null, true, false, allowance, at);
}
