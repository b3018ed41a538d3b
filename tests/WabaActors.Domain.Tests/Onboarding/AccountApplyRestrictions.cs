using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Onboarding;

public class AccountApplyRestrictions
{
    private const string Rule = "meta-restrictions";

    [Fact]
    [Trait("Rule", Rule)]
    public void SetsEachKnownRestrictionUntilItsExpiration()
    {
        var now = TestClock.Start;
        var (biz, customer, add) = (now.AddHours(6), now.AddHours(12), now.AddDays(2));

        var changed = TestAccounts.Live(now).ApplyRestrictions(
        [
            new(MetaRestriction.BusinessInitiated, biz),
            new(MetaRestriction.CustomerInitiated, customer),
            new(MetaRestriction.AddPhoneNumber, add),
        ], now).Ok();

        Assert.Equal(new Restrictions
        {
            BusinessInitiatedUntil = biz, CustomerInitiatedUntil = customer, AddPhoneNumberUntil = add,
            BusinessInitiatedSince = now, CustomerInitiatedSince = now, AddPhoneNumberSince = now,
        }, changed.State.Restrictions);
        Assert.Equal(Enumerable.Repeat(AccountEventTypes.RestrictionsChanged, 3), changed.Events.Types());
        Assert.Equal(
            [$"restricted_business_initiated:{biz:O}", $"restricted_customer_initiated:{customer:O}", $"number_addition_restricted:{add:O}"],
            changed.Events.Select(e => e.Value));
        Assert.All(changed.Events, e => Assert.Equal(now, e.At));
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void RefusesAddingNumbersUntilExpirationThenAllows()
    {
        var now = TestClock.Start;
        var until = now.AddHours(1);
        var account = TestAccounts.Live(now).ApplyRestrictions([new(MetaRestriction.AddPhoneNumber, until)], now).Ok().State;

        var refused = account.AddNumber(TestAccounts.SecondPhone, WabaRules.Document, until.AddTicks(-1));
        var added = account.AddNumber(TestAccounts.SecondPhone, WabaRules.Document, until);

        Assert.Equal(until, refused.Refused(ErrorCodes.NumberAdditionRestricted).RetryAt);
        Assert.True(added.IsSuccess);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void KeepsUnlistedRestrictionsGivenLaterNoticeOfAnotherType()
    {
        var now = TestClock.Start;
        var account = TestAccounts.Live(now).ApplyRestrictions([new(MetaRestriction.BusinessInitiated, now.AddHours(6))], now).Ok().State;

        var changed = account.ApplyRestrictions([new(MetaRestriction.CustomerInitiated, now.AddHours(3))], now).Ok();

        Assert.Equal(now.AddHours(6), changed.State.Restrictions.BusinessInitiatedUntil);
        Assert.Equal(now.AddHours(3), changed.State.Restrictions.CustomerInitiatedUntil);
        Assert.Single(changed.Events);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void RecordsUnknownTypesInTheHistoryWithoutEnforcingThem()
    {
        var now = TestClock.Start;
        var account = TestAccounts.Live(now);

        var changed = account.ApplyRestrictions([new("RESTRICTED_SOMETHING_NEW", null), new(null, now.AddHours(1))], now).Ok();

        Assert.Same(account, changed.State);
        Assert.Equal([AccountEventTypes.RestrictionNotEnforced, AccountEventTypes.RestrictionNotEnforced], changed.Events.Types());
        Assert.Equal(["RESTRICTED_SOMETHING_NEW", "(none)"], changed.Events.Select(e => e.Value));
    }

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData("RESTRICTION_ON_ADD_PHONE_NUMBER_ACTION")]
    [InlineData("RESTRICTED_ADD_PHONE_NUMBER_ACTION")]
    [InlineData("restricted_add_phone_number_action")]
    public void ReadsEverySpellingOfAddPhoneNumber(string type)
    {
        var now = TestClock.Start;

        var changed = TestAccounts.Live(now).ApplyRestrictions([new(type, now.AddHours(2))], now).Ok();

        Assert.Equal(now.AddHours(2), changed.State.Restrictions.AddPhoneNumberUntil);
        Assert.Equal(RestrictionKind.AddPhoneNumber, MetaRestriction.Classify(type));
    }

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData("RESTRICTION_ON_BIZ_INITIATED_MESSAGING", RestrictionKind.BusinessInitiated)]
    [InlineData("RESTRICTED_BUSINESS_INITIATED_MESSAGING", RestrictionKind.BusinessInitiated)]
    [InlineData("RESTRICTION_ON_CUSTOMER_INITIATED_MESSAGING", RestrictionKind.CustomerInitiated)]
    [InlineData("RESTRICTED_UTILITY_TEMPLATES", RestrictionKind.NotEnforced)]
    [InlineData("RESTRICTED_BUSINESS_INITIATED_CALLING", RestrictionKind.NotEnforced)]
    [InlineData("RESTRICTED_TELEPATHY", RestrictionKind.Unknown)]
    [InlineData("", RestrictionKind.Unknown)]
    public void ClassifiesMetasRestrictionTypes(string type, RestrictionKind kind) =>
        Assert.Equal(kind, MetaRestriction.Classify(type));

    [Fact]
    [Trait("Rule", Rule)]
    public void ChangesNothingGivenSameExpirationAgain()
    {
        var now = TestClock.Start;
        var notice = new MetaRestriction(MetaRestriction.BusinessInitiated, now.AddHours(6));
        var account = TestAccounts.Live(now).ApplyRestrictions([notice], now).Ok().State;

        var changed = account.ApplyRestrictions([notice], now.AddMinutes(5)).Ok();

        Assert.Same(account, changed.State);
        Assert.Empty(changed.Events);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void KeepsLatestExpirationGivenTypeListedTwice()
    {
        var now = TestClock.Start;

        var changed = TestAccounts.Live(now).ApplyRestrictions(
            [new(MetaRestriction.BusinessInitiated, now.AddHours(9)), new(MetaRestriction.BusinessInitiated, now.AddHours(2))], now).Ok();

        Assert.Equal(now.AddHours(9), changed.State.Restrictions.BusinessInitiatedUntil);
        Assert.Single(changed.Events);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void RefusesKnownTypeWithoutExpiration()
    {
        var now = TestClock.Start;

        var result = TestAccounts.Live(now).ApplyRestrictions(
            [new(MetaRestriction.BusinessInitiated, now.AddHours(1)), new(MetaRestriction.CustomerInitiated, null)], now);

        result.Invalid("restriction_info[1].expiration");
    }
}
