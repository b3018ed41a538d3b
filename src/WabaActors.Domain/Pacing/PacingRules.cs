namespace WabaActors.Domain.Pacing;

/// <summary>
/// Meta's send rates: a number's messages per second (<see cref="MessagesPerSecond"/>, or
/// <see cref="UpgradedMessagesPerSecond"/> after Meta's THROUGHPUT_UPGRADE) and the pair rate to one customer
/// (one per <see cref="PairInterval"/>, bursts of <see cref="PairBurst"/> borrowing from later).
/// </summary>
public sealed record PacingRules(bool Enabled, int MessagesPerSecond, int UpgradedMessagesPerSecond, TimeSpan PairInterval, int PairBurst)
{
    /// <summary>Meta's figures: 80/s, 1,000/s after the upgrade, 1 per 6 s per customer with bursts of 45.</summary>
    public static PacingRules Meta { get; } = new(true, 80, 1_000, TimeSpan.FromSeconds(6), 45);

    /// <summary>The source document knows no pacing: off, with Meta's figures for when it is turned on.</summary>
    public static PacingRules Off { get; } = Meta with { Enabled = false };

    public IEnumerable<string> Validate()
    {
        if (MessagesPerSecond is < 1 or > 100_000)
        {
            yield return $"{nameof(MessagesPerSecond)} must be 1-100000.";
        }

        if (UpgradedMessagesPerSecond is < 1 or > 100_000)
        {
            yield return $"{nameof(UpgradedMessagesPerSecond)} must be 1-100000.";
        }

        if (PairInterval <= TimeSpan.Zero || PairInterval > TimeSpan.FromHours(1))
        {
            yield return $"{nameof(PairInterval)} must be more than 0 and at most 1 hour.";
        }

        if (PairBurst is < 1 or > 10_000)
        {
            yield return $"{nameof(PairBurst)} must be 1-10000.";
        }
    }
}
