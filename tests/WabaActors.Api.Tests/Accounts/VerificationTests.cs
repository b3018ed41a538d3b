using System.Net;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// A number's verification code: resend cool-down, wrong tries, lockout, expiry, registration — and go-live, which
/// under <c>meta</c> holds the account for its commerce-policy review. Under both rule profiles
/// (<see cref="VerificationDocumentTests"/>, <see cref="VerificationMetaTests"/>).
/// </summary>
public abstract class VerificationTests(HostFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;
    private readonly RuleProfile _rules = fixture.Profile;

    [Fact]
    public async Task RightCodeRegistersTheNumberAndStartsBillingAtThatInstant()
    {
        var account = await _api.CodeSentAsync();
        var code = await _api.Code(account.Phone);
        var before = await _api.Now();

        var number = (await _api.Post(account.Number + "/verification", new { code })).Ok();

        Assert.Equal("registered", number.Str("status"));
        var registeredAt = number.Instant("registeredAt");
        Assert.InRange(registeredAt, before, await _api.Now());
        Assert.Equal(registeredAt, number.Instant("billingStartedAt"));
        Assert.True(number.IsNull("verification.codeExpiresAt"));
        Assert.Equal(number.ToJsonString(), (await _api.Get(account.Number)).Ok().ToJsonString());
    }

    [Fact]
    public async Task FirstRegisteredNumberMakesTheAccountLiveAndStartsTheCommerceReview()
    {
        var account = await _api.CodeSentAsync();

        var number = await _api.Register(account, account.Phone);

        var view = (await _api.Get(account.Path)).Ok();
        Assert.Equal("live", view.Str("status"));
        Assert.Equal("done", view.Str("onboarding.steps[3].status"));
        Assert.True(view.Instant("onboarding.steps[3].completedAt") >= number.Instant("registeredAt"));
        Assert.Equal("registered", view.Str("numbers[0].status"));
        Assert.Equal(number.Instant("billingStartedAt"), view.Instant("numbers[0].billingStartedAt"));
        Assert.Equal("pending", view.Str("commercePolicyReview.status"));
        Assert.False(view.Bool("commercePolicyReview.overdue"));
        Assert.Equal(view.Instant("commercePolicyReview.requestedAt").AddHours(48), view.Instant("commercePolicyReview.dueAt"));
        Assert.True(view.Instant("commercePolicyReview.requestedAt") >= number.Instant("registeredAt"));
        if (_rules.HoldsSendsWhileReviewPending)
        {
            var hold = Assert.Single(view["holds"]!.AsArray())!;
            Assert.Equal("account_under_review", hold.Str("reason"));
            Assert.InRange(hold.Instant("since"), number.Instant("registeredAt"), view.Instant("commercePolicyReview.requestedAt"));
            Assert.True(hold.IsNull("until"));
        }
        else
        {
            Assert.Empty(view["holds"]!.AsArray());
        }
    }

    [Fact]
    public async Task ResendWithinTheCoolDownIs429WithRetryAfterThenSendsAfter60Seconds()
    {
        var account = await _api.CodeSentAsync();
        var before = await _api.Snapshot(account);
        var code = await _api.Code(account.Phone);

        var tooSoon = await _api.Post(account.Number + "/verification-code");

        var problem = tooSoon.Problem(HttpStatusCode.TooManyRequests, "code_resend_too_soon");
        Assert.InRange(tooSoon.RetryAfterSeconds, 1, 60);
        Assert.True(problem.Instant("retryAt") > await _api.Now());
        Assert.Equal(before, await _api.Snapshot(account));
        Assert.Equal(code, await _api.Code(account.Phone));

        var now = await _api.Advance(TimeSpan.FromSeconds(60));
        var resent = (await _api.Post(account.Number + "/verification-code")).Ok();

        Assert.Equal("code_sent", resent.Str("status"));
        Assert.Equal(5, resent.Int("verification.attemptsLeft"));
        Assert.InRange(resent.Instant("verification.codeExpiresAt"), now.AddMinutes(10), (await _api.Now()).AddMinutes(10));
        (await _api.Post(account.Number + "/verification-code")).Problem(HttpStatusCode.TooManyRequests, "code_resend_too_soon");
    }

    [Fact]
    public async Task WrongCodesAre422WithAttemptsLeft4To0ThenEveryTryIs429TooManyAttempts()
    {
        var account = await _api.CodeSentAsync();
        var code = await _api.Code(account.Phone);
        var wrong = code == "000000" ? "111111" : "000000";

        for (var left = 4; left >= 0; left--)
        {
            var problem = (await _api.Post(account.Number + "/verification", new { code = wrong }))
                .Problem(HttpStatusCode.UnprocessableEntity, "invalid_verification_code");
            Assert.Equal(left, problem.Int("attemptsLeft"));
            Assert.Equal(left, (await _api.Get(account.Number)).Ok().Int("verification.attemptsLeft"));
        }

        var before = await _api.Snapshot(account);
        var locked = await _api.Post(account.Number + "/verification", new { code = wrong });
        var lockedRight = await _api.Post(account.Number + "/verification", new { code });

        locked.Problem(HttpStatusCode.TooManyRequests, "too_many_attempts");
        lockedRight.Problem(HttpStatusCode.TooManyRequests, "too_many_attempts");
        Assert.InRange(lockedRight.RetryAfterSeconds, 1, 60);
        Assert.Equal(before, await _api.Snapshot(account));
        Assert.Equal("code_sent", (await _api.Get(account.Number)).Ok().Str("status"));
    }

    [Fact]
    public async Task NewCodeUnlocksVerificationAfterTooManyAttempts()
    {
        var account = await _api.CodeSentAsync();
        var first = await _api.Code(account.Phone);
        var wrong = first == "000000" ? "111111" : "000000";
        for (var i = 0; i < 5; i++)
        {
            (await _api.Post(account.Number + "/verification", new { code = wrong })).Problem(HttpStatusCode.UnprocessableEntity, "invalid_verification_code");
        }

        await _api.Advance(TimeSpan.FromSeconds(61));
        (await _api.Post(account.Number + "/verification-code")).Ok();

        await _api.Register(account, account.Phone);
    }

    [Fact]
    public async Task CodeIs422VerificationCodeExpiredAfter10Minutes()
    {
        var account = await _api.CodeSentAsync();
        var code = await _api.Code(account.Phone);
        await _api.Advance(TimeSpan.FromMinutes(10));
        var before = await _api.Snapshot(account);

        (await _api.Post(account.Number + "/verification", new { code })).Problem(HttpStatusCode.UnprocessableEntity, "verification_code_expired");

        Assert.Equal(before, await _api.Snapshot(account));
        var number = (await _api.Get(account.Number)).Ok();
        Assert.Equal("code_sent", number.Str("status"));
        Assert.Equal(5, number.Int("verification.attemptsLeft"));
    }

    [Fact]
    public async Task RegisteredNumberRefusesAnotherCodeOrVerification()
    {
        var account = await _api.LiveAsync();
        var before = await _api.Snapshot(account);

        (await _api.Post(account.Number + "/verification-code")).Problem(HttpStatusCode.Conflict, "number_already_verified");
        (await _api.Post(account.Number + "/verification", new { code = "123456" })).Problem(HttpStatusCode.Conflict, "number_already_verified");

        Assert.Equal(before, await _api.Snapshot(account));
    }
}

[Collection(ApiCollection.Name)]
public sealed class VerificationDocumentTests(ApiFixture fixture) : VerificationTests(fixture);

[Collection(MetaApiCollection.Name)]
public sealed class VerificationMetaTests(MetaApiFixture fixture) : VerificationTests(fixture);

/// <summary>
/// Verification requests refused before any rule applies (a malformed or missing code, a number not on the
/// account): the same under either rule profile, so run on the <c>document</c> host only.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class VerificationInputTests(ApiFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    [Theory]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12345a")]
    [InlineData("")]
    [InlineData(" 123456")]
    [InlineData("１２３４５６")]
    public async Task MalformedCodeIs400AndSpendsNoAttempt(string code)
    {
        var account = await _api.CodeSentAsync();
        var before = await _api.Snapshot(account);

        (await _api.Post(account.Number + "/verification", new { code })).Invalid("code");

        Assert.Equal(before, await _api.Snapshot(account));
        Assert.Equal(5, (await _api.Get(account.Number)).Ok().Int("verification.attemptsLeft"));
    }

    [Fact]
    public async Task MissingCodeIs400AndSpendsNoAttempt()
    {
        var account = await _api.CodeSentAsync();

        (await _api.Post(account.Number + "/verification", new { })).Invalid("code");

        Assert.Equal(5, (await _api.Get(account.Number)).Ok().Int("verification.attemptsLeft"));
    }

    [Fact]
    public async Task VerificationOfANumberNotOnTheAccountIs404()
    {
        var account = await _api.CodeSentAsync();
        var stranger = await _api.AtStep4Async();

        (await _api.Post(stranger.NumberOf(account.Phone) + "/verification", new { code = "123456" })).Problem(HttpStatusCode.NotFound, "not_found");
        (await _api.Post(stranger.NumberOf(account.Phone) + "/verification-code")).Problem(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(5, (await _api.Get(account.Number)).Ok().Int("verification.attemptsLeft"));
    }
}
