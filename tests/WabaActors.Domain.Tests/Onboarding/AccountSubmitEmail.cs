using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Onboarding;

public class AccountSubmitEmail
{
    [Fact]
    [Trait("Rule", "onboarding-steps-in-order")]
    public void LeavesStep1AwaitingConfirmationGivenValidEmail()
    {
        var clock = TestClock.New();
        var account = TestAccounts.New(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(3));
        var now = clock.GetUtcNow();

        var changed = account.SubmitEmail(" ops@acme.example ", now).Ok();

        Assert.Equal("ops@acme.example", changed.State.Email);
        Assert.Equal(StepStatus.AwaitingEmailConfirmation, changed.State.StepStatus(OnboardingStep.UserAccount));
        Assert.Equal(OnboardingStep.UserAccount, changed.State.CurrentStep);
        var e = Assert.Single(changed.Events);
        Assert.Equal(AccountEventTypes.EmailSubmitted, e.Type);
        Assert.Equal(now, e.At);
    }

    [Theory]
    [Trait("Rule", "onboarding-steps-in-order")]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ops")]
    [InlineData("ops@acme")]
    [InlineData("@acme.example")]
    [InlineData("ops@@acme.example")]
    [InlineData("ops@.example")]
    [InlineData("ops@acme.example.")]
    [InlineData("o ps@acme.example")]
    [InlineData("ops\u0001@acme.example")]
    public void RefusesWithEmailFieldErrorGivenMalformedAddress(string? email)
    {
        var now = TestClock.New().GetUtcNow();
        var account = TestAccounts.New(now);

        account.SubmitEmail(email, now).Invalid("email");
    }

    [Fact]
    [Trait("Rule", "onboarding-steps-in-order")]
    public void RefusesWithEmailFieldErrorGivenAddressOver254Characters()
    {
        var now = TestClock.New().GetUtcNow();
        var account = TestAccounts.New(now);
        var local = new string('a', 64);
        var at254 = local + "@" + new string('b', 254 - 64 - 1 - 4) + ".com";
        Assert.Equal(254, at254.Length);

        account.SubmitEmail(at254, now).Ok();
        account.SubmitEmail("a" + at254, now).Invalid("email");
    }

    [Theory]
    [Trait("Rule", "onboarding-steps-in-order")]
    [InlineData("ops@acme.example")]
    [InlineData("OPS@Acme.Example")]
    public void ChangesNothingGivenSameAddressAgain(string again)
    {
        var now = TestClock.New().GetUtcNow();
        var account = TestAccounts.Step1Done(now);

        var changed = account.SubmitEmail(again, now).Ok();

        Assert.Empty(changed.Events);
        Assert.Equal(StepStatus.Done, changed.State.StepStatus(OnboardingStep.UserAccount));
        Assert.Equal(TestAccounts.Email, changed.State.Email);
    }

    [Fact]
    [Trait("Rule", "onboarding-steps-in-order")]
    public void NeedsConfirmingAgainGivenChangedAddressAfterConfirmation()
    {
        var clock = TestClock.New();
        var account = TestAccounts.Step3Done(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromDays(1));
        var now = clock.GetUtcNow();

        var changed = account.SubmitEmail("new@acme.example", now).Ok();

        Assert.Equal("new@acme.example", changed.State.Email);
        Assert.Null(changed.State.EmailConfirmedAt);
        Assert.Equal(StepStatus.AwaitingEmailConfirmation, changed.State.StepStatus(OnboardingStep.UserAccount));
        Assert.Equal(OnboardingStep.UserAccount, changed.State.CurrentStep);
        Assert.Equal([AccountEventTypes.EmailSubmitted], changed.Events.Types());
        var refused = changed.State.AddNumber(TestAccounts.FirstPhone, TestAccounts.Rules, now).Refused(ErrorCodes.StepOutOfOrder);
        Assert.Equal(OnboardingStep.UserAccount, refused.Step);
    }

    [Fact]
    [Trait("Rule", "onboarding-steps-in-order")]
    public void RefusesOnboardingCompletedGivenAccountLive()
    {
        var now = TestClock.New().GetUtcNow();
        var account = TestAccounts.Live(now);

        account.SubmitEmail("new@acme.example", now).Refused(ErrorCodes.OnboardingCompleted);
    }
}
