using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Onboarding;

public class AccountAddNumber
{
    private static readonly WabaRules Rules = WabaRules.Document;

    private static string Phone(int i) => $"4206010{i:00000}";

    [Fact]
    [Trait("Rule", "onboarding-steps-in-order")]
    public void RefusesStepOutOfOrderNamingStep3GivenCompanyProfileMissing()
    {
        var now = TestClock.New().GetUtcNow();

        var error = TestAccounts.Step2Done(now).AddNumber(Phone(1), Rules, now).Refused(ErrorCodes.StepOutOfOrder);

        Assert.Equal(OnboardingStep.CompanyProfile, error.Step);
    }

    [Fact]
    [Trait("Rule", "onboarding-steps-in-order")]
    public void RefusesStepOutOfOrderNamingStep1GivenEmailNotConfirmed()
    {
        var now = TestClock.New().GetUtcNow();

        var error = TestAccounts.EmailSubmitted(now).AddNumber(Phone(1), Rules, now).Refused(ErrorCodes.StepOutOfOrder);

        Assert.Equal(OnboardingStep.UserAccount, error.Step);
    }

    [Fact]
    [Trait("Rule", "onboarding-steps-in-order")]
    public void AddsNumberWithEventButStaysOnboardingGivenSteps1To3Done()
    {
        var clock = TestClock.New();
        var account = TestAccounts.Step3Done(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(1));
        var now = clock.GetUtcNow();

        var changed = account.AddNumber(Phone(1), Rules, now).Ok();

        var number = Assert.Single(changed.State.Numbers);
        Assert.Equal(Phone(1), number.Phone);
        Assert.Equal(now, number.AddedAt);
        Assert.Null(number.RegisteredAt);
        Assert.Equal(AccountStatus.Onboarding, changed.State.Status);
        Assert.Equal(StepStatus.Pending, changed.State.StepStatus(OnboardingStep.PhoneNumbers));
        var e = Assert.Single(changed.Events);
        Assert.Equal(AccountEventTypes.NumberAdded, e.Type);
        Assert.Equal(now, e.At);
        Assert.Equal(Phone(1), e.Phone);
    }

    [Fact]
    [Trait("Rule", "numbers-per-waba")]
    public void RefusesNumberLimitReachedGivenThirdNumberBeforeBusinessVerification()
    {
        var now = TestClock.New().GetUtcNow();
        var account = TestAccounts.WithNumbers(now, Rules, Phone(1));

        account = account.AddNumber(Phone(2), Rules, now).Ok().State;
        account.AddNumber(Phone(3), Rules, now).Refused(ErrorCodes.NumberLimitReached);

        Assert.Equal(2, account.NumberLimit(Rules));
        Assert.Equal(2, account.Numbers.Count);
    }

    [Fact]
    [Trait("Rule", "numbers-per-waba")]
    public void CountsRegisteredAndUnregisteredNumbersAlike()
    {
        var now = TestClock.New().GetUtcNow();
        var account = TestAccounts.Live(now).AddNumber(Phone(2), Rules, now).Ok().State;

        account.AddNumber(Phone(3), Rules, now).Refused(ErrorCodes.NumberLimitReached);
    }

    [Fact]
    [Trait("Rule", "numbers-per-waba")]
    public void ChangesNothingAndCountsOnceGivenSameNumberAddedAgain()
    {
        var clock = TestClock.New();
        var account = TestAccounts.WithNumbers(clock.GetUtcNow(), Rules, Phone(1));
        clock.Advance(TimeSpan.FromMinutes(1));
        var now = clock.GetUtcNow();

        var again = account.AddNumber(Phone(1), Rules, now).Ok();

        Assert.Empty(again.Events);
        Assert.Same(account, again.State);
        var second = again.State.AddNumber(Phone(2), Rules, now).Ok().State;
        Assert.Equal(2, second.Numbers.Count);
        Assert.Empty(second.AddNumber(Phone(1), Rules, now).Ok().Events);
    }

    [Fact]
    [Trait("Rule", "numbers-per-waba")]
    public void AllowsTwentyNumbersAndRefusesTwentyFirstGivenBusinessVerified()
    {
        var now = TestClock.New().GetUtcNow();
        var account = TestAccounts.Step3Done(now).SetBusinessVerification(BusinessVerificationStatus.Verified, now).State;

        for (var i = 1; i <= 20; i++)
        {
            account = account.AddNumber(Phone(i), Rules, now).Ok().State;
        }

        Assert.Equal(20, account.Numbers.Count);
        Assert.Equal(20, account.NumberLimit(Rules));
        account.AddNumber(Phone(21), Rules, now).Refused(ErrorCodes.NumberLimitReached);
    }

    [Theory]
    [Trait("Rule", "numbers-per-waba")]
    [InlineData(BusinessVerificationStatus.NotStarted)]
    [InlineData(BusinessVerificationStatus.Submitted)]
    [InlineData(BusinessVerificationStatus.Rejected)]
    public void KeepsLimitOfTwoGivenVerificationNotVerified(BusinessVerificationStatus status)
    {
        var now = TestClock.New().GetUtcNow();
        var account = TestAccounts.WithNumbers(now, Rules, Phone(1), Phone(2)).SetBusinessVerification(status, now).State;

        account.AddNumber(Phone(3), Rules, now).Refused(ErrorCodes.NumberLimitReached);
    }

    [Fact]
    [Trait("Rule", "numbers-per-waba")]
    public void RaisesLimitGivenNumberLimitOverrideAboveTheRulesFigure()
    {
        var now = TestClock.New().GetUtcNow();
        var account = TestAccounts.WithNumbers(now, Rules, Phone(1), Phone(2)) with { NumberLimitOverride = 3 };

        Assert.Equal(3, account.NumberLimit(Rules));
        account = account.AddNumber(Phone(3), Rules, now).Ok().State;
        account.AddNumber(Phone(4), Rules, now).Refused(ErrorCodes.NumberLimitReached);
    }

    [Fact]
    [Trait("Rule", "numbers-per-waba")]
    public void RaisesVerifiedLimitGivenNumberLimitOverrideAboveTwenty()
    {
        var now = TestClock.New().GetUtcNow();
        var account = TestAccounts.Step3Done(now).SetBusinessVerification(BusinessVerificationStatus.Verified, now).State
            with { NumberLimitOverride = 25 };

        Assert.Equal(25, account.NumberLimit(Rules));
    }

    [Fact]
    [Trait("Rule", "numbers-per-waba")]
    public void UsesConfiguredLimitGivenNumberLimitKnob()
    {
        var now = TestClock.New().GetUtcNow();
        var rules = Rules with { NumberLimit = 1 };
        var account = TestAccounts.WithNumbers(now, rules, Phone(1));

        account.AddNumber(Phone(2), rules, now).Refused(ErrorCodes.NumberLimitReached);
    }

    [Fact]
    [Trait("Rule", "numbers-per-waba")]
    public void RefusesNumberAdditionRestrictedWithRetryAtUntilTheRestrictionExpires()
    {
        var clock = TestClock.New();
        var until = clock.GetUtcNow().AddHours(6);
        var account = TestAccounts.Step3Done(clock.GetUtcNow()) with { Restrictions = new Restrictions { AddPhoneNumberUntil = until } };

        var error = account.AddNumber(Phone(1), Rules, clock.GetUtcNow()).Refused(ErrorCodes.NumberAdditionRestricted);
        Assert.Equal(until, error.RetryAt);

        clock.Advance(TimeSpan.FromHours(6) - TimeSpan.FromSeconds(1));
        account.AddNumber(Phone(1), Rules, clock.GetUtcNow()).Refused(ErrorCodes.NumberAdditionRestricted);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(until, clock.GetUtcNow());
        Assert.Single(account.AddNumber(Phone(1), Rules, clock.GetUtcNow()).Ok().State.Numbers);
    }

    [Fact]
    [Trait("Rule", "onboarding-steps-in-order")]
    public void AddsFurtherNumbersGivenAccountLive()
    {
        var now = TestClock.New().GetUtcNow();

        var changed = TestAccounts.Live(now).AddNumber(Phone(2), Rules, now).Ok();

        Assert.Equal(2, changed.State.Numbers.Count);
        Assert.Equal([AccountEventTypes.NumberAdded], changed.Events.Types());
    }
}
