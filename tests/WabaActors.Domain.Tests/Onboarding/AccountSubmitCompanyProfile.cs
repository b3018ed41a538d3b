using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Onboarding;

public class AccountSubmitCompanyProfile
{
    private const string Name = TestAccounts.OfficialName;
    private const string Category = TestAccounts.Category;
    private const string Text = TestAccounts.Description;

    [Fact]
    [Trait("Rule", "onboarding-steps-in-order")]
    public void CompletesStep3GivenValidProfile()
    {
        var clock = TestClock.New();
        var account = TestAccounts.Step2Done(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(7));
        var now = clock.GetUtcNow();

        var changed = account.SubmitCompanyProfile(Name, Category, Text, now).Ok();

        Assert.Equal(new CompanyProfile(Name, Category, Text), changed.State.CompanyProfile);
        Assert.Equal(StepStatus.Done, changed.State.StepStatus(OnboardingStep.CompanyProfile));
        Assert.Equal(OnboardingStep.PhoneNumbers, changed.State.CurrentStep);
        Assert.Equal(StepStatus.Pending, changed.State.StepStatus(OnboardingStep.PhoneNumbers));
        Assert.Equal(AccountStatus.Onboarding, changed.State.Status);
        var e = Assert.Single(changed.Events);
        Assert.Equal(AccountEventTypes.CompanyProfileSubmitted, e.Type);
        Assert.Equal(now, e.At);
    }

    [Fact]
    [Trait("Rule", "onboarding-steps-in-order")]
    public void RefusesStepOutOfOrderNamingStep2GivenBusinessManagerMissing()
    {
        var now = TestClock.New().GetUtcNow();

        var error = TestAccounts.Step1Done(now).SubmitCompanyProfile(Name, Category, Text, now).Refused(ErrorCodes.StepOutOfOrder);

        Assert.Equal(OnboardingStep.BusinessManager, error.Step);
    }

    [Fact]
    [Trait("Rule", "onboarding-steps-in-order")]
    public void RefusesStepOutOfOrderNamingStep1GivenNothingDone()
    {
        var now = TestClock.New().GetUtcNow();

        var error = TestAccounts.New(now).SubmitCompanyProfile(Name, Category, Text, now).Refused(ErrorCodes.StepOutOfOrder);

        Assert.Equal(OnboardingStep.UserAccount, error.Step);
    }

    [Theory]
    [Trait("Rule", "onboarding-steps-in-order")]
    [InlineData(null, Category, Text, "officialName")]
    [InlineData("", Category, Text, "officialName")]
    [InlineData("Acme\u001b", Category, Text, "officialName")]
    [InlineData(Name, null, Text, "industryCategory")]
    [InlineData(Name, "", Text, "industryCategory")]
    [InlineData(Name, "retail", Text, "industryCategory")]
    [InlineData(Name, "Shopping_Retail", Text, "industryCategory")]
    [InlineData(Name, "shopping-retail", Text, "industryCategory")]
    [InlineData(Name, Category, null, "description")]
    [InlineData(Name, Category, "  ", "description")]
    [InlineData(Name, Category, "We sell\u0000things.", "description")]
    [InlineData(Name, Category, "We sell\u0007things.", "description")]
    [InlineData(Name, Category, "We sell\u007fthings.", "description")]
    public void RefusesNamingTheFieldGivenInvalidProfile(string? officialName, string? industryCategory, string? description, string field)
    {
        var now = TestClock.New().GetUtcNow();

        TestAccounts.Step2Done(now).SubmitCompanyProfile(officialName, industryCategory, description, now).Invalid(field);
    }

    [Fact]
    [Trait("Rule", "onboarding-steps-in-order")]
    public void RefusesOfficialNameOver256CharactersButAccepts256()
    {
        var now = TestClock.New().GetUtcNow();
        var account = TestAccounts.Step2Done(now);

        account.SubmitCompanyProfile(new string('n', 256), Category, Text, now).Ok();
        account.SubmitCompanyProfile(new string('n', 257), Category, Text, now).Invalid("officialName");
    }

    [Fact]
    [Trait("Rule", "onboarding-steps-in-order")]
    public void RefusesDescriptionOver2048CharactersButAccepts2048()
    {
        var now = TestClock.New().GetUtcNow();
        var account = TestAccounts.Step2Done(now);

        account.SubmitCompanyProfile(Name, Category, new string('d', 2048), now).Ok();
        account.SubmitCompanyProfile(Name, Category, new string('d', 2049), now).Invalid("description");
    }

    [Theory]
    [Trait("Rule", "onboarding-steps-in-order")]
    [InlineData("Line one.\nLine two.")]
    [InlineData("Line one.\r\nLine two.")]
    [InlineData("Column\tcolumn.")]
    public void AcceptsLineBreaksInDescription(string description)
    {
        var now = TestClock.New().GetUtcNow();

        var changed = TestAccounts.Step2Done(now).SubmitCompanyProfile(Name, Category, description, now).Ok();

        Assert.Equal(description, changed.State.CompanyProfile!.Description);
    }

    [Fact]
    [Trait("Rule", "onboarding-steps-in-order")]
    public void AcceptsEveryListedIndustryCategory()
    {
        var now = TestClock.New().GetUtcNow();
        var account = TestAccounts.Step2Done(now);

        Assert.All(IndustryCategory.All, c => Assert.Equal(c, account.SubmitCompanyProfile(Name, c, Text, now).Ok().State.CompanyProfile!.IndustryCategory));
    }

    [Fact]
    [Trait("Rule", "onboarding-steps-in-order")]
    public void NamesEveryInvalidFieldAtOnceGivenSeveralInvalid()
    {
        var now = TestClock.New().GetUtcNow();

        TestAccounts.Step2Done(now).SubmitCompanyProfile("", "unknown", new string('d', 2049), now)
            .Invalid("officialName", "industryCategory", "description");
    }

    [Fact]
    [Trait("Rule", "onboarding-steps-in-order")]
    public void ReplacesProfileWithEventGivenResubmittedWithNewData()
    {
        var clock = TestClock.New();
        var account = TestAccounts.Step3Done(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(3));
        var now = clock.GetUtcNow();

        var changed = account.SubmitCompanyProfile(Name, "education", "Courses.", now).Ok();

        Assert.Equal(new CompanyProfile(Name, "education", "Courses."), changed.State.CompanyProfile);
        var e = Assert.Single(changed.Events);
        Assert.Equal(AccountEventTypes.CompanyProfileSubmitted, e.Type);
        Assert.Equal(now, e.At);
    }

    [Fact]
    [Trait("Rule", "onboarding-steps-in-order")]
    public void ChangesNothingGivenResubmittedWithSameData()
    {
        var now = TestClock.New().GetUtcNow();
        var account = TestAccounts.Step3Done(now);

        var changed = account.SubmitCompanyProfile(Name, Category, Text, now).Ok();

        Assert.Empty(changed.Events);
        Assert.Equal(account, changed.State);
    }

    [Fact]
    [Trait("Rule", "onboarding-steps-in-order")]
    public void RefusesOnboardingCompletedGivenAccountLive()
    {
        var now = TestClock.New().GetUtcNow();

        TestAccounts.Live(now).SubmitCompanyProfile(Name, "education", Text, now).Refused(ErrorCodes.OnboardingCompleted);
    }
}
