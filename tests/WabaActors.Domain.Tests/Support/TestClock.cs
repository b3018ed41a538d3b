using Microsoft.Extensions.Time.Testing;

namespace WabaActors.Domain.Tests.Support;

/// <summary>The fake clock every domain test starts from: 2026-11-25T08:00:00Z, advanced only by the test.</summary>
public static class TestClock
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider New() => new(Start);
}
