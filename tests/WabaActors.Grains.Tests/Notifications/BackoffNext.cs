using WabaActors.Grains.Notifications;

namespace WabaActors.Grains.Tests.Notifications;

public class BackoffNext
{
    private static readonly NotificationOptions Options = new()
    {
        BackoffInitial = TimeSpan.FromSeconds(1),
        BackoffMax = TimeSpan.FromSeconds(60),
        BackoffMultiplier = 2,
        RetryAfterMax = TimeSpan.FromMinutes(10),
    };

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(4, 8)]
    [InlineData(7, 60)]
    [InlineData(1000, 60)]
    public void GrowsExponentiallyUpToTheMaximumGivenNoJitter(int failures, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), Backoff.Next(Options, failures, null, jitter: 1));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.37)]
    [InlineData(0.999)]
    public void JitterKeepsTheWaitBetweenHalfAndAllOfTheBase(double jitter)
    {
        var wait = Backoff.Next(Options, 4, null, jitter);

        Assert.InRange(wait, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public void ARetryAfterLongerThanTheBackoffIsWaitedFor()
    {
        Assert.Equal(TimeSpan.FromSeconds(90), Backoff.Next(Options, 1, TimeSpan.FromSeconds(90), jitter: 0.5));
    }

    [Fact]
    public void ARetryAfterShorterThanTheBackoffDoesNotShortenIt()
    {
        Assert.Equal(TimeSpan.FromSeconds(8), Backoff.Next(Options, 4, TimeSpan.FromSeconds(1), jitter: 1));
    }

    [Fact]
    public void ARetryAfterBeyondItsMaximumIsCut()
    {
        Assert.Equal(TimeSpan.FromMinutes(10), Backoff.Next(Options, 1, TimeSpan.FromDays(3), jitter: 0));
    }
}
