using WabaActors.Domain.Common;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Onboarding;

/// <summary>CurrentStep, StepStatus and Status as the steps run 1→2→3→4.</summary>
public class AccountOnboardingProgress
{
    public static TheoryData<string, OnboardingStep, string> Stages => new()
    {
        { "new", OnboardingStep.UserAccount, "pending,pending,pending,pending" },
        { "email submitted", OnboardingStep.UserAccount, "awaiting_email_confirmation,pending,pending,pending" },
        { "step 1", OnboardingStep.BusinessManager, "done,pending,pending,pending" },
        { "step 2", OnboardingStep.CompanyProfile, "done,done,pending,pending" },
        { "step 3", OnboardingStep.PhoneNumbers, "done,done,done,pending" },
        { "number added", OnboardingStep.PhoneNumbers, "done,done,done,pending" },
        { "live", OnboardingStep.PhoneNumbers, "done,done,done,done" },
    };

    [Theory]
    [Trait("Rule", "onboarding-steps-in-order")]
    [MemberData(nameof(Stages))]
    public void ReportsCurrentStepAndStepStatusesGivenStage(string stage, OnboardingStep current, string statuses)
    {
        var now = TestClock.New().GetUtcNow();
        var account = stage switch
        {
            "new" => TestAccounts.New(now),
            "email submitted" => TestAccounts.EmailSubmitted(now),
            "step 1" => TestAccounts.Step1Done(now),
            "step 2" => TestAccounts.Step2Done(now),
            "step 3" => TestAccounts.Step3Done(now),
            "number added" => TestAccounts.WithNumbers(now, TestAccounts.Rules, TestAccounts.FirstPhone),
            "live" => TestAccounts.Live(now),
            _ => throw new ArgumentOutOfRangeException(nameof(stage)),
        };

        Assert.Equal(current, account.CurrentStep);
        Assert.Equal(statuses, string.Join(',', Enum.GetValues<OnboardingStep>().Select(s => SnakeCase.Of(account.StepStatus(s)))));
        Assert.Equal(stage == "live" ? AccountStatus.Live : AccountStatus.Onboarding, account.Status);
    }
}
