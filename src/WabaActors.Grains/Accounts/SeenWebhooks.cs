namespace WabaActors.Grains.Accounts;

/// <summary>The bounded, time-limited set of webhook digests an account keeps (oldest first); a number keeps one for its display-name decisions (ADR 0027).</summary>
internal static class SeenWebhooks
{
    public static bool Contains(List<SeenWebhook> seen, string digest, DateTimeOffset now, WebhookDedupeOptions options)
    {
        var cutoff = now - options.DedupeRetention;
        seen.RemoveAll(s => s.At <= cutoff);
        return seen.Exists(s => string.Equals(s.Digest, digest, StringComparison.Ordinal));
    }

    public static void Add(List<SeenWebhook> seen, string digest, DateTimeOffset now, WebhookDedupeOptions options)
    {
        seen.Add(new SeenWebhook(digest, now));
        if (seen.Count > options.DedupeCapacity)
        {
            seen.RemoveRange(0, seen.Count - options.DedupeCapacity);
        }
    }
}
