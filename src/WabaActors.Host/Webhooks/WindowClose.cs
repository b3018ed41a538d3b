namespace WabaActors.Host.Webhooks;

/// <summary>A <c>failed</c> status with error 131047: the customer's window closes at the status timestamp.</summary>
public sealed record WindowClose(string Customer, DateTimeOffset At);
