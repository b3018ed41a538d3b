using WabaActors.Domain.Events;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Onboarding;

public class AccountCreate
{
    [Fact]
    [Trait("Rule", "onboarding-steps-in-order")]
    public void StartsOnboardingAtStep1WithEveryStepPendingGivenNewAccount()
    {
        var now = TestClock.New().GetUtcNow();

        var created = Account.Create(TestAccounts.Tenant, TestAccounts.Waba, "Acme", now);

        var account = created.State;
        Assert.Equal(AccountStatus.Onboarding, account.Status);
        Assert.Equal(OnboardingStep.UserAccount, account.CurrentStep);
        Assert.All(Enum.GetValues<OnboardingStep>(), s => Assert.Equal(StepStatus.Pending, account.StepStatus(s)));
        Assert.Null(account.CommerceReview);
        Assert.Equal(BusinessVerificationStatus.NotStarted, account.BusinessVerification);
        var e = Assert.Single(created.Events);
        Assert.Equal(AccountEventTypes.AccountCreated, e.Type);
        Assert.Equal(now, e.At);
    }
}
