namespace WabaActors.Grains.Time;

/// <summary>
/// The keyed <see cref="TimeProvider"/> that every rule reads (grains, reminders of reviews). The
/// host binds it to the system clock or to the simulated clock; tests bind a fake. Orleans' own
/// background loops keep their own clocks, so moving this one never drives them.
/// </summary>
public static class WabaClock
{
    public const string Key = "WabaActors.Clock";
}
