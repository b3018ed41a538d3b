namespace WabaActors.Domain.Messaging;

/// <summary>Template recipients counted in the rolling period, the limit, and when a slot frees if full.</summary>
public readonly record struct RecipientUsage(int Used, int Limit, DateTimeOffset? NextSlotAt);
