using System.Net;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// Issue 8: the host on the 360dialog adapter, against a local stub of the Partner API. Whatever the
/// gateway does, the number stays consistent: a failure changes nothing and spends no attempt, the
/// user gets 503 gateway_unavailable (with Retry-After when known) or 502 gateway_error, and a later
/// try works. Writes are sent once; only the channel read is retried.
/// </summary>
[Collection(Dialog360Collection.Name)]
public class Dialog360GatewayTests(Dialog360Fixture fixture)
{
    private readonly ApiClient _api = fixture.Api;
    private Dialog360Stub Stub => fixture.Stub;

    [Fact]
    public async Task CodeIsSentAndCheckedBy360DialogAndBillingStartsAtItsFigure()
    {
        var account = await _api.CodeSentAsync();
        Assert.Equal(1, Stub.Count(account.Phone, StubOperation.RequestCode));

        var wrong = await _api.Post(account.Number + "/verification", new { code = "000000" });
        Assert.Equal(4, wrong.Problem(HttpStatusCode.UnprocessableEntity, "invalid_verification_code").Int("attemptsLeft"));

        var before = await _api.Now();
        var number = (await _api.Post(account.Number + "/verification", new { code = Dialog360Stub.RightCode })).Ok();

        Assert.Equal("registered", number.Str("status"));
        Assert.InRange(number.Instant("registeredAt"), before, await _api.Now());
        Assert.Equal(Dialog360Stub.BillingStartedAt, number.Instant("billingStartedAt"));
        Assert.Equal(Dialog360Stub.BillingStartedAt, (await _api.Get(account.Path)).Ok().Instant("numbers[0].billingStartedAt"));
        Assert.Equal(1, Stub.Count(account.Phone, StubOperation.Register));
        Assert.Equal(0, Stub.Unauthenticated);
    }

    [Fact]
    public async Task FailedCodeRequestAddsNoNumberAndALaterOneWorks()
    {
        var account = await _api.AtStep4Async();
        var before = await _api.Snapshot(account);
        Stub.Next(account.Phone, StubOperation.RequestCode, StubReply.ServerError(503));

        var failed = await _api.AddNumber(account, account.Phone);

        var problem = failed.Problem(HttpStatusCode.ServiceUnavailable, "gateway_unavailable");
        Assert.Contains("no attempt was spent", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(before, await _api.Snapshot(account));
        (await _api.Get(account.Number)).Problem(HttpStatusCode.NotFound, "not_found");

        (await _api.AddNumber(account, account.Phone)).Created();
        Assert.Equal(2, Stub.Count(account.Phone, StubOperation.RequestCode));
    }

    [Fact]
    public async Task VerificationTimeoutSpendsNoAttemptAndIsNotRetried()
    {
        var account = await _api.CodeSentAsync();
        var before = await _api.Snapshot(account);
        Stub.Next(account.Phone, StubOperation.VerifyCode, StubReply.Hang);

        var failed = await _api.Post(account.Number + "/verification", new { code = Dialog360Stub.RightCode });

        failed.Problem(HttpStatusCode.ServiceUnavailable, "gateway_unavailable");
        Assert.Equal(before, await _api.Snapshot(account));
        Assert.Equal(5, (await _api.Get(account.Number)).Ok().Int("verification.attemptsLeft"));
        Assert.Equal(1, Stub.Count(account.Phone, StubOperation.VerifyCode));

        var number = (await _api.Post(account.Number + "/verification", new { code = Dialog360Stub.RightCode })).Ok();
        Assert.Equal("registered", number.Str("status"));
    }

    [Fact]
    public async Task RateLimitedResendIs503WithRetryAfterAndChangesNothing()
    {
        var account = await _api.CodeSentAsync();
        await _api.Advance(TimeSpan.FromSeconds(61));
        var before = await _api.Snapshot(account);
        Stub.Next(account.Phone, StubOperation.RequestCode, StubReply.TooManyRequests(30));

        var failed = await _api.Post(account.Number + "/verification-code");

        var problem = failed.Problem(HttpStatusCode.ServiceUnavailable, "gateway_unavailable");
        Assert.InRange(failed.RetryAfterSeconds, 20, 30);
        Assert.True(problem.Instant("retryAt") > await _api.Now());
        Assert.Equal(before, await _api.Snapshot(account));

        (await _api.Post(account.Number + "/verification-code")).Ok();
        Assert.Equal(3, Stub.Count(account.Phone, StubOperation.RequestCode));
    }

    [Fact]
    public async Task UnreadableVerificationReplyIs502AndSpendsNoAttempt()
    {
        var account = await _api.CodeSentAsync();
        var before = await _api.Snapshot(account);
        Stub.Next(account.Phone, StubOperation.VerifyCode, StubReply.BadJson);

        var failed = await _api.Post(account.Number + "/verification", new { code = "000000" });

        failed.Problem(HttpStatusCode.BadGateway, "gateway_error");
        Assert.Equal(before, await _api.Snapshot(account));
        Assert.Equal(5, (await _api.Get(account.Number)).Ok().Int("verification.attemptsLeft"));
    }

    [Fact]
    public async Task ServerErrorOnVerificationSpendsNoAttemptThenWrongCodesStillCount()
    {
        var account = await _api.CodeSentAsync();
        Stub.Next(account.Phone, StubOperation.VerifyCode, StubReply.ServerError(500));

        (await _api.Post(account.Number + "/verification", new { code = "000000" })).Problem(HttpStatusCode.ServiceUnavailable, "gateway_unavailable");
        var wrong = await _api.Post(account.Number + "/verification", new { code = "000000" });

        Assert.Equal(4, wrong.Problem(HttpStatusCode.UnprocessableEntity, "invalid_verification_code").Int("attemptsLeft"));
    }

    [Fact]
    public async Task FailedRegistrationKeepsTheAcceptedCodeAndTheRetryOnlyRegisters()
    {
        var account = await _api.CodeSentAsync();
        Stub.Next(account.Phone, StubOperation.Register, StubReply.ServerError(502));

        var failed = await _api.Post(account.Number + "/verification", new { code = Dialog360Stub.RightCode });

        failed.Problem(HttpStatusCode.ServiceUnavailable, "gateway_unavailable");
        var pending = (await _api.Get(account.Number)).Ok();
        Assert.Equal("code_sent", pending.Str("status"));
        Assert.Equal(5, pending.Int("verification.attemptsLeft"));
        Assert.Equal("onboarding", (await _api.Get(account.Path)).Ok().Str("status"));

        var number = (await _api.Post(account.Number + "/verification", new { code = Dialog360Stub.RightCode })).Ok();

        Assert.Equal("registered", number.Str("status"));
        Assert.Equal(1, Stub.Count(account.Phone, StubOperation.VerifyCode));
        Assert.Equal(2, Stub.Count(account.Phone, StubOperation.Register));
    }

    [Fact]
    public async Task UnreadableChannelStillRegistersWithBillingFromNowAfterRetryingTheRead()
    {
        var account = await _api.CodeSentAsync();
        Stub.Next(account.Phone, StubOperation.Channel, StubReply.ServerError(503), StubReply.ServerError(503), StubReply.ServerError(503));

        var number = (await _api.Post(account.Number + "/verification", new { code = Dialog360Stub.RightCode })).Ok();

        Assert.Equal("registered", number.Str("status"));
        Assert.Equal(number.Instant("registeredAt"), number.Instant("billingStartedAt"));
        Assert.Equal(3, Stub.Count(account.Phone, StubOperation.Channel));
    }

    [Fact]
    public async Task SimulatorCodeEndpointSaysTheSimulatorIsNotInUse()
    {
        var account = await _api.CodeSentAsync();

        var reply = await _api.Get($"/v1/admin/simulator/numbers/{account.Phone}/verification-code");

        Assert.Contains("Dialog360", reply.Problem(HttpStatusCode.Conflict, "gateway_not_simulated").Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePartnerKeyIsNeverLogged()
    {
        var account = await _api.CodeSentAsync();
        Stub.Next(account.Phone, StubOperation.VerifyCode, StubReply.ServerError(500));
        await _api.Post(account.Number + "/verification", new { code = Dialog360Stub.RightCode });

        Assert.Contains(fixture.Logs.Lines, l => l.Contains("gateway failed", StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Logs.Lines, l => l.Contains(Dialog360Stub.PartnerKey, StringComparison.Ordinal));
    }
}
