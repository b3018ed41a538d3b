using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Onboarding;

public class AccountSubmitBusinessManager
{
    private const string Id = TestAccounts.BusinessManagerId;
    private const string Name = TestAccounts.OfficialName;
    private const string Site = TestAccounts.Website;

    [Fact]
    [Trait("Rule", "onboarding-steps-in-order")]
    [Trait("Rule", "business-manager-admin")]
    public void CompletesStep2GivenAdminAndValidDetails()
    {
        var clock = TestClock.New();
        var account = TestAccounts.Step1Done(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(10));
        var now = clock.GetUtcNow();

        var changed = account.SubmitBusinessManager(Id, true, " Acme s.r.o. ", Site, now).Ok();

        Assert.Equal(new BusinessManagerDetails(Id, Name, Site), changed.State.BusinessManager);
        Assert.Equal(StepStatus.Done, changed.State.StepStatus(OnboardingStep.BusinessManager));
        Assert.Equal(OnboardingStep.CompanyProfile, changed.State.CurrentStep);
        var e = Assert.Single(changed.Events);
        Assert.Equal(AccountEventTypes.BusinessManagerSubmitted, e.Type);
        Assert.Equal(now, e.At);
    }

    [Fact]
    [Trait("Rule", "onboarding-steps-in-order")]
    public void RefusesStepOutOfOrderNamingStep1GivenNoEmailSubmitted()
    {
        var now = TestClock.New().GetUtcNow();

        var error = TestAccounts.New(now).SubmitBusinessManager(Id, true, Name, Site, now).Refused(ErrorCodes.StepOutOfOrder);

        Assert.Equal(OnboardingStep.UserAccount, error.Step);
    }

    [Fact]
    [Trait("Rule", "onboarding-steps-in-order")]
    public void RefusesStepOutOfOrderNamingStep1GivenEmailSubmittedButNotConfirmed()
    {
        var now = TestClock.New().GetUtcNow();

        var error = TestAccounts.EmailSubmitted(now).SubmitBusinessManager(Id, true, Name, Site, now).Refused(ErrorCodes.StepOutOfOrder);

        Assert.Equal(OnboardingStep.UserAccount, error.Step);
    }

    [Fact]
    [Trait("Rule", "business-manager-admin")]
    public void RefusesNotBusinessManagerAdminGivenIsAdminFalse()
    {
        var now = TestClock.New().GetUtcNow();

        TestAccounts.Step1Done(now).SubmitBusinessManager(Id, false, Name, Site, now).Refused(ErrorCodes.NotBusinessManagerAdmin);
    }

    [Fact]
    [Trait("Rule", "business-manager-admin")]
    public void RefusesNotBusinessManagerAdminGivenIsAdminFalseOnResubmission()
    {
        var now = TestClock.New().GetUtcNow();

        TestAccounts.Step2Done(now).SubmitBusinessManager(Id, false, Name, Site, now).Refused(ErrorCodes.NotBusinessManagerAdmin);
    }

    [Fact]
    [Trait("Rule", "business-manager-admin")]
    public void RefusesWithIsAdminFieldErrorGivenIsAdminMissing()
    {
        var now = TestClock.New().GetUtcNow();

        TestAccounts.Step1Done(now).SubmitBusinessManager(Id, null, Name, Site, now).Invalid("isAdmin");
    }

    [Theory]
    [Trait("Rule", "onboarding-steps-in-order")]
    [InlineData(null, Name, Site, "businessManagerId")]
    [InlineData("", Name, Site, "businessManagerId")]
    [InlineData("12345a", Name, Site, "businessManagerId")]
    [InlineData("-12345", Name, Site, "businessManagerId")]
    [InlineData("12 345", Name, Site, "businessManagerId")]
    [InlineData("12345\u0661", Name, Site, "businessManagerId")]
    [InlineData(Id, null, Site, "officialName")]
    [InlineData(Id, "", Site, "officialName")]
    [InlineData(Id, "   ", Site, "officialName")]
    [InlineData(Id, "Acme\u0000", Site, "officialName")]
    [InlineData(Id, "Acme\ns.r.o.", Site, "officialName")]
    [InlineData(Id, Name, null, "website")]
    [InlineData(Id, Name, "acme.example", "website")]
    [InlineData(Id, Name, "ftp://acme.example", "website")]
    [InlineData(Id, Name, "https://localhost", "website")]
    [InlineData(Id, Name, "not a url", "website")]
    public void RefusesNamingTheFieldGivenInvalidDetail(string? businessManagerId, string? officialName, string? website, string field)
    {
        var now = TestClock.New().GetUtcNow();

        TestAccounts.Step1Done(now).SubmitBusinessManager(businessManagerId, true, officialName, website, now).Invalid(field);
    }

    [Fact]
    [Trait("Rule", "onboarding-steps-in-order")]
    public void RefusesOver64DigitIdAndOver256CharacterNameButAcceptsTheBounds()
    {
        var now = TestClock.New().GetUtcNow();
        var account = TestAccounts.Step1Done(now);

        account.SubmitBusinessManager(new string('7', 64), true, new string('n', 256), Site, now).Ok();
        account.SubmitBusinessManager(new string('7', 65), true, Name, Site, now).Invalid("businessManagerId");
        account.SubmitBusinessManager(Id, true, new string('n', 257), Site, now).Invalid("officialName");
    }

    [Fact]
    [Trait("Rule", "onboarding-steps-in-order")]
    public void NamesEveryInvalidFieldAtOnceGivenSeveralInvalid()
    {
        var now = TestClock.New().GetUtcNow();

        TestAccounts.Step1Done(now).SubmitBusinessManager("x", null, "", "example", now)
            .Invalid("businessManagerId", "isAdmin", "officialName", "website");
    }

    [Fact]
    [Trait("Rule", "onboarding-steps-in-order")]
    public void ReplacesDetailsWithEventGivenResubmittedWithNewData()
    {
        var clock = TestClock.New();
        var account = TestAccounts.Step3Done(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(2));
        var now = clock.GetUtcNow();

        var changed = account.SubmitBusinessManager("987654321", true, "Acme a.s.", "https://www.acme.example", now).Ok();

        Assert.Equal(new BusinessManagerDetails("987654321", "Acme a.s.", "https://www.acme.example"), changed.State.BusinessManager);
        Assert.Equal(OnboardingStep.PhoneNumbers, changed.State.CurrentStep);
        var e = Assert.Single(changed.Events);
        Assert.Equal(AccountEventTypes.BusinessManagerSubmitted, e.Type);
        Assert.Equal(now, e.At);
    }

    [Fact]
    [Trait("Rule", "onboarding-steps-in-order")]
    public void ChangesNothingGivenResubmittedWithSameData()
    {
        var now = TestClock.New().GetUtcNow();
        var account = TestAccounts.Step2Done(now);

        var changed = account.SubmitBusinessManager(Id, true, Name, Site, now).Ok();

        Assert.Empty(changed.Events);
        Assert.Equal(account, changed.State);
    }

    [Fact]
    [Trait("Rule", "onboarding-steps-in-order")]
    public void RefusesOnboardingCompletedGivenAccountLive()
    {
        var now = TestClock.New().GetUtcNow();

        TestAccounts.Live(now).SubmitBusinessManager("987654321", true, Name, Site, now).Refused(ErrorCodes.OnboardingCompleted);
    }
}
