namespace WabaActors.Grains.Gateway;

/// <summary>The provider's view of a number's channel; <see cref="BillingStartedAt"/> null while it has none.</summary>
public sealed record ChannelStatus(string Status, DateTimeOffset? BillingStartedAt);
