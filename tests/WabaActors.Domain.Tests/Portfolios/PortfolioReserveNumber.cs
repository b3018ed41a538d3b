using WabaActors.Domain.Common;
using WabaActors.Domain.Portfolios;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Portfolios;

public class PortfolioReserveNumber
{
    private static readonly WabaRules Meta = WabaRules.Meta;

    [Fact]
    [Trait("Rule", "numbers-per-waba")]
    public void RefusesNumberLimitReachedGivenTheOtherMembersNumbersFillTheLimit()
    {
        var portfolio = Members.With(Meta, Members.Of("waba-1", Members.Phone(1), Members.Phone(2)), Members.Of("waba-2"));

        var error = portfolio.ReserveNumber(Members.Acme, Members.Of("waba-2"), Members.Phone(3), Meta).Refused(ErrorCodes.NumberLimitReached);

        Assert.Contains("2 of 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "numbers-per-waba")]
    public void CountsTheNumberOnceGivenItIsReservedAgain()
    {
        var portfolio = Members.With(Meta, Members.Of("waba-1"));

        var once = portfolio.ReserveNumber(Members.Acme, Members.Of("waba-1"), Members.Phone(1), Meta).Value;
        var twice = once.ReserveNumber(Members.Acme, Members.Of("waba-1"), Members.Phone(1), Meta).Value;

        Assert.Equal(1, twice.NumbersUsed);
    }

    [Fact]
    [Trait("Rule", "numbers-per-waba")]
    public void FreesTheSlotGivenTheNumberIsReleased()
    {
        var portfolio = Members.With(Meta, Members.Of("waba-1", Members.Phone(1)), Members.Of("waba-2"));
        var full = portfolio.ReserveNumber(Members.Acme, Members.Of("waba-2"), Members.Phone(2), Meta).Value;
        full.ReserveNumber(Members.Acme, Members.Of("waba-2", Members.Phone(2)), Members.Phone(3), Meta).Refused(ErrorCodes.NumberLimitReached);

        var released = full.ReleaseNumber("waba-2", Members.Phone(2));

        Assert.Equal(1, released.NumbersUsed);
        Assert.Same(released, released.ReleaseNumber("waba-2", Members.Phone(2)));
        Assert.Equal(2, released.ReserveNumber(Members.Acme, Members.Of("waba-2"), Members.Phone(3), Meta).Value.NumbersUsed);
    }

    [Fact]
    [Trait("Rule", "numbers-per-waba")]
    public void DropsAReservationTheAccountNeverAddedGivenItsFactsWithoutIt()
    {
        var portfolio = Members.With(Meta, Members.Of("waba-1"));
        var leaked = portfolio.ReserveNumber(Members.Acme, Members.Of("waba-1"), Members.Phone(1), Meta).Value;

        var reported = leaked.Report(Members.Acme, Members.Of("waba-1")).Value;

        Assert.Equal(0, reported.NumbersUsed);
    }

    [Fact]
    [Trait("Rule", "numbers-per-waba")]
    public void AllowsTwentyAcrossMembersGivenOneMemberVerified()
    {
        var portfolio = Members.With(Meta, Members.Of("waba-1") with { BusinessVerified = true }, Members.Of("waba-2"));
        for (var i = 0; i < 20; i++)
        {
            var waba = i % 2 == 0 ? "waba-1" : "waba-2";
            var facts = portfolio.Find(waba)! with { };
            portfolio = portfolio.ReserveNumber(Members.Acme, facts, Members.Phone(i), Meta).Value;
        }

        Assert.Equal(20, portfolio.NumbersUsed);
        portfolio.ReserveNumber(Members.Acme, portfolio.Find("waba-2")!, Members.Phone(20), Meta).Refused(ErrorCodes.NumberLimitReached);
    }
}
