namespace WabaActors.Domain.Messaging;

/// <summary>
/// The delta of the permit ledger: a grant, kept for idempotent replay. Instants in UTC ticks;
/// <see cref="Used"/>/<see cref="Limit"/> are set for templates.
/// </summary>
public sealed record PermitGranted(string MessageId, long Customer, MessageType Type, long GrantedAtTicks)
{
    public long? WindowExpiresAtTicks { get; init; }
    public int? Used { get; init; }
    public int? Limit { get; init; }

    public static PermitGranted From(string messageId, long customer, MessageType type, SendDecision decision, DateTimeOffset now) =>
        new(messageId, customer, type, now.UtcTicks)
        {
            WindowExpiresAtTicks = decision.WindowExpiresAt?.UtcTicks,
            Used = decision.TemplateRecipients?.Used,
            Limit = decision.TemplateRecipients?.Limit,
        };
}
