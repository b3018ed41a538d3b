namespace WabaActors.Grains.Telemetry;

/// <summary>The review-deadline reminders whose lag is measured (tag <c>reminder</c>).</summary>
public enum DeadlineReminder
{
    CommerceReview,
    DisplayName,
}
