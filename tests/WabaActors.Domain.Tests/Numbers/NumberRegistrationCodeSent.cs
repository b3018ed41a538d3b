using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Numbers;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Numbers;

public class NumberRegistrationCodeSent
{
    private static readonly WabaRules Rules = WabaRules.Document;

    [Theory]
    [Trait("Rule", "verification-code")]
    [Trait("Rule", "verification-method")]
    [InlineData("sms")]
    [InlineData("voice")]
    public void SetsCodeExpiringIn10MinutesWithFiveAttemptsGivenFirstCode(string method)
    {
        var clock = TestClock.New();
        var number = TestNumbers.Started(clock.GetUtcNow(), method);
        clock.Advance(TimeSpan.FromSeconds(2));
        var now = clock.GetUtcNow();

        var changed = number.CodeSent(TestNumbers.RightCode, Rules, now).Ok();

        var code = changed.State.Code!;
        Assert.Equal(now, code.SentAt);
        Assert.Equal(now.AddMinutes(10), code.ExpiresAt);
        Assert.Equal(5, changed.State.AttemptsLeft(Rules));
        Assert.Equal(now.AddSeconds(60), changed.State.NextCodeAt(Rules));
        var e = Assert.Single(changed.Events);
        Assert.Equal(AccountEventTypes.VerificationCodeSent, e.Type);
        Assert.Equal(now, e.At);
        Assert.Equal(TestNumbers.Phone, e.Phone);
        Assert.Equal(method, e.Value);
    }

    [Fact]
    [Trait("Rule", "verification-code")]
    public void RefusesCodeResendTooSoonWithRetryAtFirstPlus60SecondsGivenSecondCodeAt59Seconds()
    {
        var clock = TestClock.New();
        var first = clock.GetUtcNow();
        var number = TestNumbers.CodeSent(first);
        clock.Advance(TimeSpan.FromSeconds(59));

        var error = number.CodeSent(TestNumbers.SecondCode, Rules, clock.GetUtcNow()).Refused(ErrorCodes.CodeResendTooSoon);

        Assert.Equal(first.AddSeconds(60), error.RetryAt);
    }

    [Fact]
    [Trait("Rule", "verification-code")]
    public void SendsNewCodeGivenExactly60SecondsAfterTheLast()
    {
        var clock = TestClock.New();
        var number = TestNumbers.CodeSent(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromSeconds(60));
        var now = clock.GetUtcNow();

        var changed = number.CodeSent(TestNumbers.SecondCode, Rules, now).Ok();

        Assert.Equal(now, changed.State.Code!.SentAt);
        Assert.Equal(now.AddMinutes(10), changed.State.Code.ExpiresAt);
        Assert.Equal([AccountEventTypes.VerificationCodeSent], changed.Events.Types());
    }

    [Fact]
    [Trait("Rule", "verification-code")]
    public void CountsCoolDownFromTheLastCodeGivenSeveralCodes()
    {
        var clock = TestClock.New();
        var number = TestNumbers.CodeSent(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromSeconds(90));
        var second = clock.GetUtcNow();
        number = number.CodeSent(TestNumbers.SecondCode, Rules, second).Ok().State;
        clock.Advance(TimeSpan.FromSeconds(59));

        var error = number.CodeSent(TestNumbers.RightCode, Rules, clock.GetUtcNow()).Refused(ErrorCodes.CodeResendTooSoon);

        Assert.Equal(second.AddSeconds(60), error.RetryAt);
    }

    [Fact]
    [Trait("Rule", "verification-code")]
    public void FollowsTheCoolDownKnob()
    {
        var clock = TestClock.New();
        var rules = Rules with { CodeResendCooldown = TimeSpan.FromSeconds(30) };
        var number = TestNumbers.Started(clock.GetUtcNow()).CodeSent(TestNumbers.RightCode, rules, clock.GetUtcNow()).Ok().State;
        clock.Advance(TimeSpan.FromSeconds(29));
        number.CodeSent(TestNumbers.SecondCode, rules, clock.GetUtcNow()).Refused(ErrorCodes.CodeResendTooSoon);
        clock.Advance(TimeSpan.FromSeconds(1));

        number.CodeSent(TestNumbers.SecondCode, rules, clock.GetUtcNow()).Ok();
    }

    [Fact]
    [Trait("Rule", "verification-code")]
    public void RefusesNumberAlreadyVerifiedGivenNumberRegistered()
    {
        var clock = TestClock.New();
        var number = TestNumbers.Registered(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(5));

        number.CodeSent(TestNumbers.SecondCode, Rules, clock.GetUtcNow()).Refused(ErrorCodes.NumberAlreadyVerified);
    }
}
