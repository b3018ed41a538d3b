using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Numbers;

[Collection(ClusterCollection.Name)]
public class NumberResendCode(ClusterFixture fixture)
{
    [Fact]
    public async Task RefusesTooSoonWithRetryAtGivenWithin60SecondsOfFirstCode()
    {
        var account = await TestAccount.OnboardedAsync(fixture.Grains);
        var phone = Ids.Phone();
        var sentAt = fixture.Now;
        await account.AddNumberAsync(phone).Ok();
        await fixture.AdvanceAsync(TimeSpan.FromSeconds(59));

        var failure = await account.Number(phone).ResendCodeAsync(account.Scope).Refused("code_resend_too_soon");

        Assert.Equal(sentAt.AddSeconds(60), failure.RetryAt);
    }

    [Fact]
    public async Task SendsNewCodeWithFreshExpiryAndAttemptsGiven60SecondsPassed()
    {
        var account = await TestAccount.OnboardedAsync(fixture.Grains);
        var phone = Ids.Phone();
        var first = await account.AddNumberAsync(phone).Ok();
        var oldCode = (await account.Number(phone).GetSimulatedCodeAsync())!;
        var wrong = oldCode == "000000" ? "111111" : "000000";
        await account.Number(phone).VerifyAsync(account.Scope, wrong).Refused("invalid_verification_code");
        await fixture.AdvanceAsync(TimeSpan.FromSeconds(60));
        var now = fixture.Now;

        var resent = await account.Number(phone).ResendCodeAsync(account.Scope).Ok();

        // The random code may repeat by chance; the expiry and attempts show a new code was issued.
        Assert.Equal(now.AddMinutes(10), resent.Verification.CodeExpiresAt);
        Assert.NotEqual(first.Verification.CodeExpiresAt, resent.Verification.CodeExpiresAt);
        Assert.Equal(5, resent.Verification.AttemptsLeft);
        Assert.Equal(2, (await account.EventsAsync()).Count(e => e.Type == "verification_code_sent"));
    }

    [Fact]
    public async Task RegistersGivenNewCodeAfterOldOneExpired()
    {
        var account = await TestAccount.OnboardedAsync(fixture.Grains);
        var phone = Ids.Phone();
        await account.AddNumberAsync(phone).Ok();
        await fixture.AdvanceAsync(TimeSpan.FromMinutes(11));
        await account.Number(phone).ResendCodeAsync(account.Scope).Ok();

        var number = await account.RegisterAsync(phone);

        Assert.Equal("registered", number.Status);
    }
}
