using Microsoft.Extensions.Time.Testing;

namespace WabaActors.Domain.Tests.MessagingSupport;

/// <summary>The fake clock of the messaging tests: 2026-11-25T08:00:00Z, advanced only by the test.</summary>
public static class Clock
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan Day = TimeSpan.FromHours(24);

    public static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    public static FakeTimeProvider New() => new(Start);
}
