namespace WabaActors.Domain.Messaging;

/// <summary>
/// The denial a send answered allowed in <see cref="Enforcement.Shadow"/> would have been: its reason, when it
/// would have become yes (where known) and its detail.
/// </summary>
public sealed record ShadowDenial(DenyReason Reason, DateTimeOffset? RetryAt, string? Detail);
