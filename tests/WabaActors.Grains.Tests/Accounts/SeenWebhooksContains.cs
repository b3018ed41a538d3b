using WabaActors.Grains.Accounts;

namespace WabaActors.Grains.Tests.Accounts;

public class SeenWebhooksContains
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private static readonly WebhookDedupeOptions Options = new() { DedupeRetention = TimeSpan.FromDays(7), DedupeCapacity = 3 };

    [Fact]
    [Trait("Rule", "idempotency")]
    public void ForgetsOldestGivenCapacityExceeded()
    {
        var seen = new List<SeenWebhook>();
        foreach (var digest in new[] { "a", "b", "c", "d" })
        {
            SeenWebhooks.Add(seen, digest, Start, Options);
        }

        Assert.Equal(["b", "c", "d"], seen.Select(s => s.Digest));
        Assert.False(SeenWebhooks.Contains(seen, "a", Start, Options));
        Assert.True(SeenWebhooks.Contains(seen, "d", Start, Options));
    }

    [Fact]
    [Trait("Rule", "idempotency")]
    public void ForgetsDigestsOlderThanRetention()
    {
        var seen = new List<SeenWebhook>();
        SeenWebhooks.Add(seen, "old", Start, Options);
        SeenWebhooks.Add(seen, "new", Start.AddDays(1), Options);

        Assert.True(SeenWebhooks.Contains(seen, "old", Start.AddDays(7).AddTicks(-1), Options));
        Assert.False(SeenWebhooks.Contains(seen, "old", Start.AddDays(7), Options));
        Assert.Equal(["new"], seen.Select(s => s.Digest));
    }
}
