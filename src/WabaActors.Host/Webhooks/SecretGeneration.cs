namespace WabaActors.Host.Webhooks;

/// <summary>
/// Which secret of a rotation verified a delivery: the <c>current</c> one, or the <c>previous</c> one it
/// replaces (still accepted during the overlap). Counted by <c>waba.webhook.secret_matches</c>, so the
/// operator sees when the previous secret is no longer used and can remove it.
/// </summary>
internal static class SecretGeneration
{
    public const string Current = "current";
    public const string Previous = "previous";

    /// <summary>The generation whose secret <paramref name="verifies"/>, the current one tried first; null when neither.</summary>
    public static string? Of(string current, string? previous, Func<string, bool> verifies) =>
        verifies(current) ? Current
        : !string.IsNullOrEmpty(previous) && verifies(previous) ? Previous
        : null;
}
