using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Numbers;

[Collection(ClusterCollection.Name)]
public class NumberVerify(ClusterFixture fixture)
{
    [Fact]
    public async Task RefusesWithFourAttemptsLeftGivenWrongCode()
    {
        var account = await TestAccount.OnboardedAsync(fixture.Grains);
        var phone = Ids.Phone();
        await account.AddNumberAsync(phone).Ok();
        var code = (await account.Number(phone).GetSimulatedCodeAsync())!;

        var failure = await account.Number(phone).VerifyAsync(account.Scope, Wrong(code)).Refused("invalid_verification_code");

        Assert.Equal(4, failure.AttemptsLeft);
        var number = await account.Number(phone).GetAsync(account.Scope).Ok();
        Assert.Equal(("code_sent", 4), (number.Status, number.Verification.AttemptsLeft));
        Assert.Contains(await account.EventsAsync(), e => e.Type == "verification_failed" && e.Value == "4");
    }

    [Fact]
    public async Task SpendsNoAttemptGivenMalformedCode()
    {
        var account = await TestAccount.OnboardedAsync(fixture.Grains);
        var phone = Ids.Phone();
        await account.AddNumberAsync(phone).Ok();

        await account.Number(phone).VerifyAsync(account.Scope, "12ab").Refused("validation_failed");

        Assert.Equal(5, (await account.Number(phone).GetAsync(account.Scope).Ok()).Verification.AttemptsLeft);
    }

    [Fact]
    public async Task RefusesExpiredGivenTenMinutesPassed()
    {
        var account = await TestAccount.OnboardedAsync(fixture.Grains);
        var phone = Ids.Phone();
        await account.AddNumberAsync(phone).Ok();
        var code = await account.Number(phone).GetSimulatedCodeAsync();

        await fixture.AdvanceAsync(TimeSpan.FromMinutes(10));

        await account.Number(phone).VerifyAsync(account.Scope, code).Refused("verification_code_expired");
        Assert.Equal("code_sent", (await account.Number(phone).GetAsync(account.Scope).Ok()).Status);
    }

    [Fact]
    public async Task RefusesNotFoundGivenAnotherAccountsScope()
    {
        var account = await TestAccount.OnboardedAsync(fixture.Grains);
        var phone = Ids.Phone();
        await account.AddNumberAsync(phone).Ok();
        var code = await account.Number(phone).GetSimulatedCodeAsync();

        await account.Number(phone).VerifyAsync(account.Scope with { Tenant = Ids.Tenant() }, code).Refused("not_found");
    }

    private static string Wrong(string code) => (code[0] == '9' ? '0' : (char)(code[0] + 1)) + code[1..];
}
