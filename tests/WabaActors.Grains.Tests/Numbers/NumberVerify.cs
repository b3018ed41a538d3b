using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Numbers;

/// <summary>A number is verified with the code the gateway sent: the profile's tries and validity. Runs under both rule profiles.</summary>
public abstract class NumberVerify(ClusterFixture fixture)
{
    [Fact]
    public async Task RefusesWithOneAttemptFewerLeftGivenWrongCode()
    {
        var account = await TestAccount.OnboardedAsync(fixture.Grains);
        var phone = Ids.Phone();
        await account.AddNumberAsync(phone).Ok();
        var code = (await account.Number(phone).GetSimulatedCodeAsync())!;

        var failure = await account.Number(phone).VerifyAsync(account.Scope, Wrong(code)).Refused("invalid_verification_code");

        var left = fixture.Rules.MaxCodeAttempts - 1;
        Assert.Equal(left, failure.AttemptsLeft);
        var number = await account.Number(phone).GetAsync(account.Scope).Ok();
        Assert.Equal(("code_sent", left), (number.Status, number.Verification.AttemptsLeft));
        Assert.Contains(await account.EventsAsync(), e => e.Type == "verification_failed" && e.Value == left.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task SpendsNoAttemptGivenMalformedCode()
    {
        var account = await TestAccount.OnboardedAsync(fixture.Grains);
        var phone = Ids.Phone();
        await account.AddNumberAsync(phone).Ok();

        await account.Number(phone).VerifyAsync(account.Scope, "12ab").Refused("validation_failed");

        Assert.Equal(fixture.Rules.MaxCodeAttempts, (await account.Number(phone).GetAsync(account.Scope).Ok()).Verification.AttemptsLeft);
    }

    [Fact]
    public async Task RefusesExpiredGivenCodeTtlPassed()
    {
        var account = await TestAccount.OnboardedAsync(fixture.Grains);
        var phone = Ids.Phone();
        await account.AddNumberAsync(phone).Ok();
        var code = await account.Number(phone).GetSimulatedCodeAsync();

        await fixture.AdvanceAsync(fixture.Rules.CodeTtl);

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

[Collection(ClusterCollection.Name)]
public sealed class NumberVerifyDocument(ClusterFixture fixture) : NumberVerify(fixture);

[Collection(MetaClusterCollection.Name)]
public sealed class NumberVerifyMeta(MetaClusterFixture fixture) : NumberVerify(fixture);
