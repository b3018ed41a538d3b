using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Numbers;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Numbers;

/// <summary>
/// A provider that keeps the code itself (360dialog, ADR 0010): the domain holds no code, refuses what
/// it can before anyone is asked, and applies the provider's verdict with the same rules.
/// </summary>
public class NumberRegistrationProviderVerification
{
    private static readonly WabaRules Rules = WabaRules.Document;

    private static NumberRegistration CodeSentByProvider(DateTimeOffset now) =>
        TestNumbers.Started(now).CodeSent(null, Rules, now).Ok().State;

    [Fact]
    [Trait("Rule", "verification-code")]
    public void HoldsNoCodeButTheExpiryAndAttempts()
    {
        var now = TestClock.Start;

        var number = CodeSentByProvider(now);

        Assert.Null(number.Code!.Code);
        Assert.Equal(now + Rules.CodeTtl, number.Code.ExpiresAt);
        Assert.Equal(Rules.MaxCodeAttempts, number.AttemptsLeft(Rules));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("abcdef")]
    [InlineData(null)]
    public void MalformedCodeIsRefusedBeforeTheProviderIsAsked(string? input) =>
        Assert.Equal(ErrorCodes.ValidationFailed, CodeSentByProvider(TestClock.Start).RefuseVerification(input, Rules, TestClock.Start)!.Code);

    [Fact]
    public void ExpiredOrLockedCodeIsRefusedBeforeTheProviderIsAsked()
    {
        var clock = TestClock.New();
        var number = CodeSentByProvider(clock.GetUtcNow());
        for (var i = 0; i < Rules.MaxCodeAttempts; i++)
        {
            number = number.CodeRejected(Rules, clock.GetUtcNow()).Change.State;
        }

        Assert.Equal(ErrorCodes.TooManyAttempts, number.RefuseVerification("111111", Rules, clock.GetUtcNow())!.Code);
        clock.Advance(Rules.CodeTtl);
        Assert.Equal(ErrorCodes.VerificationCodeExpired, CodeSentByProvider(TestClock.Start).RefuseVerification("111111", Rules, clock.GetUtcNow())!.Code);
    }

    [Fact]
    [Trait("Rule", "verification-code")]
    public void RejectedCodeSpendsAnAttemptLikeALocalWrongCode()
    {
        var number = CodeSentByProvider(TestClock.Start);

        var outcome = number.CodeRejected(Rules, TestClock.Start);

        Assert.Equal(ErrorCodes.InvalidVerificationCode, outcome.Error!.Code);
        Assert.Equal(Rules.MaxCodeAttempts - 1, outcome.Error.AttemptsLeft);
        Assert.Equal([AccountEventTypes.VerificationFailed], outcome.Change.Events.Types());
    }

    [Fact]
    [Trait("Rule", "billing-start")]
    public void RegisteredTakesTheProvidersBillingStart()
    {
        var now = TestClock.Start.AddMinutes(3);
        var billing = TestClock.Start.AddMinutes(2);

        var change = CodeSentByProvider(TestClock.Start).Registered(now, billing);

        Assert.Equal(now, change.State.RegisteredAt);
        Assert.Equal(billing, change.State.BillingStartedAt);
        Assert.Null(change.State.Code);
        Assert.Equal(billing, change.Events.Single(e => e.Type == AccountEventTypes.BillingStarted).At);
    }

    [Fact]
    public void AcceptedCodeSkipsExpiryAndLockSoARetryOnlyRegisters()
    {
        var clock = TestClock.New();
        var accepted = CodeSentByProvider(clock.GetUtcNow()).CodeAccepted().State;
        clock.Advance(Rules.CodeTtl + TimeSpan.FromMinutes(1));

        Assert.True(accepted.Code!.Accepted);
        Assert.Null(accepted.RefuseVerification("000000", Rules, clock.GetUtcNow()));
        Assert.True(accepted.Verify("000000", Rules, clock.GetUtcNow()).Verified);
    }
}
