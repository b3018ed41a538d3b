using System.Globalization;

namespace WabaActors.Domain.Tests.Properties;

/// <summary>
/// How both the domain and the reference model report what they answered, as text, so that two
/// runs compare with string equality and a difference reads at a glance.
/// </summary>
public static class Answer
{
    public static string Refused(string code) => $"refused {code}";

    public static string Accepted => "accepted";

    public static string Decision(bool allowed, string reason, DateTimeOffset? retryAt, DateTimeOffset? windowExpiresAt, int? used, int? limit) =>
        allowed
            ? $"allowed window={Instant(windowExpiresAt)} used={used?.ToString(CultureInfo.InvariantCulture) ?? "-"}/{limit?.ToString(CultureInfo.InvariantCulture) ?? "-"}"
            : $"denied {reason} retryAt={Instant(retryAt)} used={used?.ToString(CultureInfo.InvariantCulture) ?? "-"}/{limit?.ToString(CultureInfo.InvariantCulture) ?? "-"}";

    public static string Window(bool open, DateTimeOffset? expiresAt) => open ? $"open until {Instant(expiresAt)}" : "closed";

    private static string Instant(DateTimeOffset? at) => at?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) ?? "-";
}
