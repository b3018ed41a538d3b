using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Numbers;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Numbers;

public class NumberRegistrationVerify
{
    private static readonly WabaRules Rules = WabaRules.Document;
    private const string Right = TestNumbers.RightCode;
    private const string Wrong = TestNumbers.WrongCode;

    [Fact]
    [Trait("Rule", "verification-code")]
    [Trait("Rule", "billing-start")]
    public void RegistersAndStartsBillingAtThatInstantGivenRightCode()
    {
        var clock = TestClock.New();
        var number = TestNumbers.CodeSent(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(3));
        var now = clock.GetUtcNow();

        var outcome = number.Verify(Right, Rules, now);

        Assert.True(outcome.Verified);
        Assert.Null(outcome.Error);
        var state = outcome.Change.State;
        Assert.Equal(NumberStatus.Registered, state.Status);
        Assert.Equal(now, state.RegisteredAt);
        Assert.Equal(now, state.BillingStartedAt);
        Assert.Null(state.Code);
        Assert.Null(state.AttemptsLeft(Rules));
        Assert.Equal([AccountEventTypes.NumberRegistered, AccountEventTypes.BillingStarted], outcome.Change.Events.Types());
        Assert.All(outcome.Change.Events, e =>
        {
            Assert.Equal(now, e.At);
            Assert.Equal(TestNumbers.Phone, e.Phone);
        });
    }

    [Theory]
    [Trait("Rule", "verification-code")]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12345a")]
    [InlineData("abcdef")]
    [InlineData("123 45")]
    [InlineData(" 123456")]
    [InlineData("123-456")]
    [InlineData("\u0661\u0662\u0663\u0664\u0665\u0666")]
    public void RefusesWithCodeFieldErrorAndSpendsNoAttemptGivenMalformedCode(string? code)
    {
        var now = TestClock.New().GetUtcNow();
        var number = TestNumbers.CodeSent(now);

        var outcome = number.Verify(code, Rules, now);

        Assert.False(outcome.Verified);
        Assert.Equal(ErrorCodes.ValidationFailed, outcome.Error!.Code);
        Assert.Equal(["code"], outcome.Error.Errors!.Keys);
        Assert.Empty(outcome.Change.Events);
        Assert.Equal(5, outcome.Change.State.AttemptsLeft(Rules));
        Assert.False(outcome.Change.State.IsRegistered);
    }

    [Fact]
    [Trait("Rule", "verification-code")]
    public void StillAcceptsRightCodeGivenManyMalformedTries()
    {
        var now = TestClock.New().GetUtcNow();
        var number = TestNumbers.CodeSent(now);
        for (var i = 0; i < 10; i++)
        {
            number = number.Verify("12345", Rules, now).Change.State;
        }

        Assert.True(number.Verify(Right, Rules, now).Verified);
    }

    [Fact]
    [Trait("Rule", "verification-code")]
    [Trait("Rule", "billing-start")]
    public void CountsAttemptsLeftDownFrom4To0GivenFiveWrongCodes()
    {
        var clock = TestClock.New();
        var number = TestNumbers.CodeSent(clock.GetUtcNow());
        var left = new List<int?>();
        var recorded = new List<string?>();

        for (var i = 0; i < 5; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(10));
            var outcome = number.Verify(Wrong, Rules, clock.GetUtcNow());
            Assert.Equal(ErrorCodes.InvalidVerificationCode, outcome.Error!.Code);
            var e = Assert.Single(outcome.Change.Events);
            Assert.Equal(AccountEventTypes.VerificationFailed, e.Type);
            Assert.Equal(clock.GetUtcNow(), e.At);
            left.Add(outcome.Error.AttemptsLeft);
            recorded.Add(e.Value);
            number = outcome.Change.State;
        }

        Assert.Equal([4, 3, 2, 1, 0], left);
        Assert.Equal(["4", "3", "2", "1", "0"], recorded);
        Assert.Equal(0, number.AttemptsLeft(Rules));
        Assert.False(number.IsRegistered);
        Assert.Null(number.BillingStartedAt);
    }

    [Fact]
    [Trait("Rule", "verification-code")]
    public void RegistersGivenRightCodeOnTheLastAttempt()
    {
        var now = TestClock.New().GetUtcNow();
        var number = TestNumbers.CodeSent(now);
        for (var i = 0; i < 4; i++)
        {
            number = number.Verify(Wrong, Rules, now).Change.State;
        }

        Assert.Equal(1, number.AttemptsLeft(Rules));
        Assert.True(number.Verify(Right, Rules, now).Verified);
    }

    [Theory]
    [Trait("Rule", "verification-code")]
    [InlineData(Right)]
    [InlineData(Wrong)]
    public void RefusesTooManyAttemptsWithoutSpendingGivenSixthTry(string code)
    {
        var clock = TestClock.New();
        var number = Locked(clock);
        clock.Advance(TimeSpan.FromSeconds(5));

        var outcome = number.Verify(code, Rules, clock.GetUtcNow());

        Assert.Equal(ErrorCodes.TooManyAttempts, outcome.Error!.Code);
        Assert.Equal(0, outcome.Error.AttemptsLeft);
        Assert.Empty(outcome.Change.Events);
        Assert.Same(number, outcome.Change.State);
        Assert.False(outcome.Change.State.IsRegistered);
    }

    [Fact]
    [Trait("Rule", "verification-code")]
    public void PointsRetryAtToWhenANewCodeMayBeSentGivenLockedWithinTheCoolDown()
    {
        var clock = TestClock.New();
        var number = Locked(clock);
        clock.Advance(TimeSpan.FromSeconds(5));

        var error = number.Verify(Right, Rules, clock.GetUtcNow()).Error!;

        Assert.Equal(TestClock.Start.AddSeconds(60), error.RetryAt);
    }

    [Fact]
    [Trait("Rule", "verification-code")]
    public void NeverPointsRetryAtIntoThePastGivenLockedAfterTheCoolDown()
    {
        var clock = TestClock.New();
        var number = Locked(clock);
        clock.Advance(TimeSpan.FromMinutes(3));
        var now = clock.GetUtcNow();

        var error = number.Verify(Right, Rules, now).Error!;

        Assert.Equal(ErrorCodes.TooManyAttempts, error.Code);
        Assert.Equal(now, error.RetryAt);
    }

    [Fact]
    [Trait("Rule", "verification-code")]
    public void StaysLockedGivenTheLockedCodeWouldHaveExpired()
    {
        var clock = TestClock.New();
        var number = Locked(clock);
        clock.Advance(TimeSpan.FromMinutes(11));

        Assert.Equal(ErrorCodes.TooManyAttempts, number.Verify(Right, Rules, clock.GetUtcNow()).Error!.Code);
    }

    [Fact]
    [Trait("Rule", "verification-code")]
    public void ResetsAttemptsGivenNewCodeSentAfterLock()
    {
        var clock = TestClock.New();
        var number = Locked(clock);
        clock.Advance(TimeSpan.FromSeconds(60));
        number = number.CodeSent(TestNumbers.SecondCode, Rules, clock.GetUtcNow()).Ok().State;

        Assert.Equal(5, number.AttemptsLeft(Rules));
        var wrong = number.Verify(Wrong, Rules, clock.GetUtcNow());
        Assert.Equal(ErrorCodes.InvalidVerificationCode, wrong.Error!.Code);
        Assert.Equal(4, wrong.Error.AttemptsLeft);
        Assert.True(wrong.Change.State.Verify(TestNumbers.SecondCode, Rules, clock.GetUtcNow()).Verified);
    }

    [Fact]
    [Trait("Rule", "verification-code")]
    public void RefusesThePreviousCodeGivenANewCodeWasSent()
    {
        var clock = TestClock.New();
        var number = TestNumbers.CodeSent(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromSeconds(60));
        number = number.CodeSent(TestNumbers.SecondCode, Rules, clock.GetUtcNow()).Ok().State;

        var outcome = number.Verify(Right, Rules, clock.GetUtcNow());

        Assert.Equal(ErrorCodes.InvalidVerificationCode, outcome.Error!.Code);
        Assert.Equal(4, outcome.Error.AttemptsLeft);
    }

    [Fact]
    [Trait("Rule", "verification-code")]
    [Trait("Rule", "billing-start")]
    public void RegistersGivenRightCodeAt9Minutes59Seconds()
    {
        var clock = TestClock.New();
        var number = TestNumbers.CodeSent(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));

        var outcome = number.Verify(Right, Rules, clock.GetUtcNow());

        Assert.True(outcome.Verified);
        Assert.Equal(clock.GetUtcNow(), outcome.Change.State.BillingStartedAt);
    }

    [Theory]
    [Trait("Rule", "verification-code")]
    [InlineData(Right, 600)]
    [InlineData(Wrong, 600)]
    [InlineData(Right, 3600)]
    public void RefusesVerificationCodeExpiredWithoutSpendingGivenTenMinutesOrMore(string code, int secondsAfterSent)
    {
        var clock = TestClock.New();
        var number = TestNumbers.CodeSent(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromSeconds(secondsAfterSent));

        var outcome = number.Verify(code, Rules, clock.GetUtcNow());

        Assert.Equal(ErrorCodes.VerificationCodeExpired, outcome.Error!.Code);
        Assert.Empty(outcome.Change.Events);
        Assert.Equal(5, outcome.Change.State.AttemptsLeft(Rules));
        Assert.False(outcome.Change.State.IsRegistered);
    }

    [Fact]
    [Trait("Rule", "verification-code")]
    [Trait("Rule", "billing-start")]
    public void RegistersWithFreshCodeGivenThePreviousExpired()
    {
        var clock = TestClock.New();
        var number = TestNumbers.CodeSent(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(12));
        number = number.CodeSent(TestNumbers.SecondCode, Rules, clock.GetUtcNow()).Ok().State;
        clock.Advance(TimeSpan.FromMinutes(9));

        var outcome = number.Verify(TestNumbers.SecondCode, Rules, clock.GetUtcNow());

        Assert.True(outcome.Verified);
        Assert.Equal(clock.GetUtcNow(), outcome.Change.State.BillingStartedAt);
    }

    [Fact]
    [Trait("Rule", "verification-code")]
    public void FollowsTheCodeTtlKnob()
    {
        var clock = TestClock.New();
        var rules = Rules with { CodeTtl = TimeSpan.FromMinutes(2) };
        var number = TestNumbers.Started(clock.GetUtcNow()).CodeSent(Right, rules, clock.GetUtcNow()).Ok().State;
        clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(ErrorCodes.VerificationCodeExpired, number.Verify(Right, rules, clock.GetUtcNow()).Error!.Code);
    }

    [Fact]
    [Trait("Rule", "verification-code")]
    public void RefusesVerificationCodeExpiredGivenNoCodeSentYet()
    {
        var now = TestClock.New().GetUtcNow();

        var outcome = TestNumbers.Started(now).Verify(Right, Rules, now);

        Assert.Equal(ErrorCodes.VerificationCodeExpired, outcome.Error!.Code);
        Assert.False(outcome.Change.State.IsRegistered);
    }

    [Theory]
    [Trait("Rule", "verification-code")]
    [Trait("Rule", "billing-start")]
    [InlineData(Right)]
    [InlineData(Wrong)]
    public void RefusesNumberAlreadyVerifiedAndKeepsBillingStartGivenNumberRegistered(string code)
    {
        var clock = TestClock.New();
        var number = TestNumbers.Registered(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(1));

        var outcome = number.Verify(code, Rules, clock.GetUtcNow());

        Assert.Equal(ErrorCodes.NumberAlreadyVerified, outcome.Error!.Code);
        Assert.Empty(outcome.Change.Events);
        Assert.Equal(TestClock.Start, outcome.Change.State.RegisteredAt);
        Assert.Equal(TestClock.Start, outcome.Change.State.BillingStartedAt);
    }

    /// <summary>A code sent at the clock's start, then five wrong tries within the first seconds.</summary>
    private static NumberRegistration Locked(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock)
    {
        var number = TestNumbers.CodeSent(clock.GetUtcNow());
        for (var i = 0; i < 5; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            number = number.Verify(Wrong, Rules, clock.GetUtcNow()).Change.State;
        }

        Assert.Equal(0, number.AttemptsLeft(Rules));
        return number;
    }
}
