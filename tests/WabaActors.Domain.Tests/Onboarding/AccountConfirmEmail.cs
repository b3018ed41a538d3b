using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Onboarding;

public class AccountConfirmEmail
{
    [Fact]
    [Trait("Rule", "onboarding-steps-in-order")]
    public void CompletesStep1GivenEmailSubmitted()
    {
        var clock = TestClock.New();
        var account = TestAccounts.EmailSubmitted(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(5));
        var now = clock.GetUtcNow();

        var changed = account.ConfirmEmail(now).Ok();

        Assert.Equal(now, changed.State.EmailConfirmedAt);
        Assert.Equal(StepStatus.Done, changed.State.StepStatus(OnboardingStep.UserAccount));
        Assert.Equal(OnboardingStep.BusinessManager, changed.State.CurrentStep);
        var e = Assert.Single(changed.Events);
        Assert.Equal(AccountEventTypes.EmailConfirmed, e.Type);
        Assert.Equal(now, e.At);
    }

    [Fact]
    [Trait("Rule", "onboarding-steps-in-order")]
    public void RefusesStepOutOfOrderNamingStep1GivenNoEmailSubmitted()
    {
        var now = TestClock.New().GetUtcNow();
        var account = TestAccounts.New(now);

        var error = account.ConfirmEmail(now).Refused(ErrorCodes.StepOutOfOrder);

        Assert.Equal(OnboardingStep.UserAccount, error.Step);
    }

    [Fact]
    [Trait("Rule", "onboarding-steps-in-order")]
    public void KeepsFirstConfirmationInstantGivenConfirmedTwice()
    {
        var clock = TestClock.New();
        var confirmedAt = clock.GetUtcNow();
        var account = TestAccounts.Step1Done(confirmedAt);
        clock.Advance(TimeSpan.FromHours(1));

        var changed = account.ConfirmEmail(clock.GetUtcNow()).Ok();

        Assert.Empty(changed.Events);
        Assert.Equal(confirmedAt, changed.State.EmailConfirmedAt);
    }
}
