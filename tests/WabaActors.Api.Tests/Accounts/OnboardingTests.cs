using System.Net;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// Onboarding steps 1–3 (docs/api.md "Accounts and onboarding"): order, corrections, completion — under both rule
/// profiles (<see cref="OnboardingDocumentTests"/>, <see cref="OnboardingMetaTests"/>): step 2 names the business
/// portfolio, whose limits are the account's under <c>meta</c>.
/// </summary>
public abstract class OnboardingTests(HostFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;
    private readonly RuleProfile _rules = fixture.Profile;

    [Fact]
    public async Task Step1StartsAwaitingConfirmationThenIsDoneOnConfirmation()
    {
        var account = await _api.CreatedAsync();

        var submitted = (await _api.Post(account.Path + "/onboarding/user-account", Onboarding.Email)).Ok();
        var before = await _api.Now();
        var confirmed = (await _api.Post(account.Path + "/onboarding/user-account/confirmation")).Ok();

        Assert.Equal("awaiting_email_confirmation", submitted.Str("onboarding.steps[0].status"));
        Assert.Equal(1, submitted.Int("onboarding.step"));
        Assert.Equal("done", confirmed.Str("onboarding.steps[0].status"));
        Assert.InRange(confirmed.Instant("onboarding.steps[0].completedAt"), before, await _api.Now());
        Assert.Equal(2, confirmed.Int("onboarding.step"));
    }

    [Fact]
    public async Task Steps2And3AreDoneInOrder()
    {
        var account = await _api.CreatedAsync();
        (await _api.Post(account.Path + "/onboarding/user-account", Onboarding.Email)).Ok();
        (await _api.Post(account.Path + "/onboarding/user-account/confirmation")).Ok();

        var step2 = (await _api.Post(account.Path + "/onboarding/business-manager", Onboarding.BusinessManager)).Ok();
        var step3 = (await _api.Post(account.Path + "/onboarding/company-profile", Onboarding.CompanyProfile)).Ok();

        Assert.Equal("done", step2.Str("onboarding.steps[1].status"));
        Assert.Equal(3, step2.Int("onboarding.step"));
        Assert.Equal("done", step3.Str("onboarding.steps[2].status"));
        Assert.Equal(step2.Instant("onboarding.steps[1].completedAt"), step3.Instant("onboarding.steps[1].completedAt"));
        Assert.True(step3.Instant("onboarding.steps[2].completedAt") >= step3.Instant("onboarding.steps[1].completedAt"));
        Assert.True(step3.Instant("onboarding.steps[1].completedAt") >= step3.Instant("onboarding.steps[0].completedAt"));
        Assert.True(step3.IsNull("onboarding.steps[3].completedAt"));
        Assert.Equal(4, step3.Int("onboarding.step"));
        Assert.Equal("pending", step3.Str("onboarding.steps[3].status"));
        Assert.Equal("onboarding", step3.Str("status"));
        Assert.Equal((0, _rules.NumberLimit), (step3.Int("limits.numbers.used"), step3.Int("limits.numbers.max")));
        Assert.Equal((0, _rules.TemplateLimit), (step3.Int("limits.templateRecipients.used"), step3.Int("limits.templateRecipients.limit")));
    }

    [Fact]
    public async Task ConfirmationBeforeTheEmailIs409StepOutOfOrder()
    {
        var account = await _api.CreatedAsync();
        var before = await _api.Snapshot(account);

        var problem = (await _api.Post(account.Path + "/onboarding/user-account/confirmation")).Problem(HttpStatusCode.Conflict, "step_out_of_order");

        Assert.Equal(1, problem.Int("step"));
        Assert.Equal(before, await _api.Snapshot(account));
    }

    [Fact]
    public async Task BusinessManagerBeforeStep1IsDoneIs409StepOutOfOrderNamingStep1()
    {
        var account = await _api.CreatedAsync();
        (await _api.Post(account.Path + "/onboarding/user-account", Onboarding.Email)).Ok();
        var before = await _api.Snapshot(account);

        var problem = (await _api.Post(account.Path + "/onboarding/business-manager", Onboarding.BusinessManager))
            .Problem(HttpStatusCode.Conflict, "step_out_of_order");

        Assert.Equal(1, problem.Int("step"));
        Assert.Equal(before, await _api.Snapshot(account));
    }

    [Fact]
    public async Task CompanyProfileBeforeStep2Is409StepOutOfOrderNamingStep2()
    {
        var account = await _api.CreatedAsync();
        (await _api.Post(account.Path + "/onboarding/user-account", Onboarding.Email)).Ok();
        (await _api.Post(account.Path + "/onboarding/user-account/confirmation")).Ok();
        var before = await _api.Snapshot(account);

        var problem = (await _api.Post(account.Path + "/onboarding/company-profile", Onboarding.CompanyProfile))
            .Problem(HttpStatusCode.Conflict, "step_out_of_order");

        Assert.Equal(2, problem.Int("step"));
        Assert.Equal(before, await _api.Snapshot(account));
    }

    [Fact]
    public async Task NumberBeforeStep3Is409StepOutOfOrderNamingStep3()
    {
        var account = await _api.CreatedAsync();
        (await _api.Post(account.Path + "/onboarding/user-account", Onboarding.Email)).Ok();
        (await _api.Post(account.Path + "/onboarding/user-account/confirmation")).Ok();
        (await _api.Post(account.Path + "/onboarding/business-manager", Onboarding.BusinessManager)).Ok();
        var before = await _api.Snapshot(account);

        var problem = (await _api.AddNumber(account, account.Phone)).Problem(HttpStatusCode.Conflict, "step_out_of_order");

        Assert.Equal(3, problem.Int("step"));
        Assert.Equal(before, await _api.Snapshot(account));
        (await _api.Get(account.Number)).Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task BusinessManagerWithoutAdminIs422NotBusinessManagerAdmin()
    {
        var account = await _api.CreatedAsync();
        (await _api.Post(account.Path + "/onboarding/user-account", Onboarding.Email)).Ok();
        (await _api.Post(account.Path + "/onboarding/user-account/confirmation")).Ok();
        var before = await _api.Snapshot(account);

        (await _api.Post(account.Path + "/onboarding/business-manager", new
        {
            businessManagerId = "1234567890", isAdmin = false, officialName = "Acme s.r.o.", website = "https://acme.example",
        })).Problem(HttpStatusCode.UnprocessableEntity, "not_business_manager_admin");

        Assert.Equal(before, await _api.Snapshot(account));
    }

    [Fact]
    public async Task CompletedStepMayBeResubmittedToCorrectItUntilLive()
    {
        var account = await _api.AtStep4Async();

        var corrected = (await _api.Post(account.Path + "/onboarding/business-manager", new
        {
            businessManagerId = Ids.BusinessManager(), isAdmin = true, officialName = "Acme a.s.", website = "https://acme.example/cz",
        })).Ok();

        Assert.Equal("done", corrected.Str("onboarding.steps[1].status"));
        Assert.Equal(4, corrected.Int("onboarding.step"));
    }

    [Fact]
    public async Task CorrectedBusinessManagerTakesTheNumbersToTheOtherPortfolio()
    {
        var (tenant, left, joined) = (Ids.Tenant(), Ids.BusinessManager(), Ids.BusinessManager());
        var moving = await _api.AtStep4Async(TestAccount.Fresh() with { Tenant = tenant });
        (await _api.Post(moving.Path + "/onboarding/business-manager", Onboarding.BusinessManagerNamed(left))).Ok();
        (await _api.AddNumber(moving, moving.Phone)).Created();

        var corrected = (await _api.Post(moving.Path + "/onboarding/business-manager", Onboarding.BusinessManagerNamed(joined))).Ok();

        Assert.Equal("done", corrected.Str("onboarding.steps[1].status"));
        Assert.Equal(1, corrected.Int("limits.numbers.used"));
        Assert.Equal("code_sent", (await _api.Get(moving.Number)).Ok().Str("status"));

        // A sibling in the portfolio left behind has the whole limit again; one in the portfolio joined shares it under meta.
        var behind = await _api.MemberAtStep4Async(tenant, left);
        for (var i = 0; i < _rules.NumberLimit; i++)
        {
            (await _api.AddNumber(behind, Ids.Phone())).Created();
        }

        var beside = await _api.MemberAtStep4Async(tenant, joined);
        for (var i = 1; i < _rules.NumberLimit; i++)
        {
            (await _api.AddNumber(beside, Ids.Phone())).Created();
        }

        var last = await _api.AddNumber(beside, Ids.Phone());
        if (_rules.PortfolioLimits)
        {
            last.Problem(HttpStatusCode.Conflict, "number_limit_reached");
        }
        else
        {
            last.Created();
        }
    }

    [Fact]
    public async Task CorrectingStep2IntoAPortfolioTheNumbersWouldTakePastItsLimitIsRefusedUnderMetaOnly()
    {
        var (tenant, full) = (Ids.Tenant(), Ids.BusinessManager());
        var member = await _api.MemberAtStep4Async(tenant, full);
        (await _api.AddNumber(member, member.Phone)).Created();
        var moving = await _api.AtStep4Async(TestAccount.Fresh() with { Tenant = tenant });
        (await _api.AddNumber(moving, moving.Phone)).Created();
        for (var added = 1; added < _rules.NumberLimit; added++)
        {
            (await _api.AddNumber(moving, Ids.Phone())).Created();
        }

        var before = await _api.Snapshot(moving);

        var moved = await _api.Post(moving.Path + "/onboarding/business-manager", Onboarding.BusinessManagerNamed(full));

        if (_rules.PortfolioLimits)
        {
            moved.Problem(HttpStatusCode.Conflict, "number_limit_reached");
            Assert.Equal(before, await _api.Snapshot(moving));
            (await _api.AddNumber(member, Ids.Phone())).Created();
        }
        else
        {
            Assert.Equal("done", moved.Ok().Str("onboarding.steps[1].status"));
            Assert.Equal(_rules.NumberLimit, (await _api.Get(moving.Path)).Ok().Int("limits.numbers.used"));
        }
    }

    [Fact]
    public async Task ChangedEmailNeedsConfirmingAgain()
    {
        var account = await _api.AtStep4Async();

        var changed = (await _api.Post(account.Path + "/onboarding/user-account", new { email = "new-owner@acme.example" })).Ok();

        Assert.Equal("awaiting_email_confirmation", changed.Str("onboarding.steps[0].status"));
        Assert.Equal(1, changed.Int("onboarding.step"));
        (await _api.AddNumber(account, account.Phone)).Problem(HttpStatusCode.Conflict, "step_out_of_order");
        (await _api.Post(account.Path + "/onboarding/user-account/confirmation")).Ok();
        (await _api.AddNumber(account, account.Phone)).Created();
    }

    [Fact]
    public async Task SameEmailAgainChangesNothing()
    {
        var account = await _api.AtStep4Async();
        var before = await _api.Snapshot(account);

        (await _api.Post(account.Path + "/onboarding/user-account", Onboarding.Email)).Ok();

        Assert.Equal(before, await _api.Snapshot(account));
    }

    [Fact]
    public async Task EveryStepIs409OnboardingCompletedOnceLive()
    {
        var account = await _api.LiveAsync();
        var before = await _api.Snapshot(account);

        (await _api.Post(account.Path + "/onboarding/user-account", new { email = "other@acme.example" }))
            .Problem(HttpStatusCode.Conflict, "onboarding_completed");
        (await _api.Post(account.Path + "/onboarding/user-account/confirmation"))
            .Problem(HttpStatusCode.Conflict, "onboarding_completed");
        (await _api.Post(account.Path + "/onboarding/business-manager", Onboarding.BusinessManager))
            .Problem(HttpStatusCode.Conflict, "onboarding_completed");
        (await _api.Post(account.Path + "/onboarding/company-profile", Onboarding.CompanyProfile))
            .Problem(HttpStatusCode.Conflict, "onboarding_completed");

        Assert.Equal(before, await _api.Snapshot(account));
    }
}

[Collection(ApiCollection.Name)]
public sealed class OnboardingDocumentTests(ApiFixture fixture) : OnboardingTests(fixture);

[Collection(MetaApiCollection.Name)]
public sealed class OnboardingMetaTests(MetaApiFixture fixture) : OnboardingTests(fixture);

/// <summary>
/// Onboarding requests refused before any rule applies (malformed fields, an unknown account): the same under
/// either rule profile, so run on the <c>document</c> host only.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OnboardingInputTests(ApiFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("a@b")]
    [InlineData("")]
    [InlineData("two@at@example.com")]
    public async Task EmailIsValidated(string email)
    {
        var account = await _api.CreatedAsync();
        var before = await _api.Snapshot(account);

        (await _api.Post(account.Path + "/onboarding/user-account", new { email })).Invalid("email");

        Assert.Equal(before, await _api.Snapshot(account));
    }

    [Fact]
    public async Task BusinessManagerNamesEveryInvalidField()
    {
        var account = await _api.CreatedAsync();

        (await _api.Post(account.Path + "/onboarding/business-manager", new { businessManagerId = "12ab", website = "ftp://acme" }))
            .Invalid("businessManagerId", "isAdmin", "officialName", "website");
    }

    [Fact]
    public async Task CompanyProfileNamesEveryInvalidField()
    {
        var account = await _api.AtStep4Async();
        var before = await _api.Snapshot(account);

        (await _api.Post(account.Path + "/onboarding/company-profile", new
        {
            officialName = new string('x', 257), industryCategory = "weapons", description = new string('d', 2049),
        })).Invalid("officialName", "industryCategory", "description");

        Assert.Equal(before, await _api.Snapshot(account));
    }

    [Fact]
    public async Task CompanyDescriptionMayHoldLineBreaksButNoOtherControlCharacters()
    {
        var account = await _api.AtStep4Async();

        (await _api.Post(account.Path + "/onboarding/company-profile", new
        {
            officialName = "Acme", industryCategory = "other", description = "Line one.\r\nLine two.\n" + new string('d', 2000),
        })).Ok();
        (await _api.Post(account.Path + "/onboarding/company-profile", new
        {
            officialName = "Acme", industryCategory = "other", description = "Bell \u0007",
        })).Invalid("description");
    }

    [Fact]
    public async Task StepsOfAnUnknownAccountAre404()
    {
        var account = TestAccount.Fresh();

        (await _api.Post(account.Path + "/onboarding/user-account", Onboarding.Email)).Problem(HttpStatusCode.NotFound, "not_found");
        (await _api.Post(account.Path + "/onboarding/user-account/confirmation")).Problem(HttpStatusCode.NotFound, "not_found");
        (await _api.Get(account.Path)).Problem(HttpStatusCode.NotFound, "not_found");
    }
}
