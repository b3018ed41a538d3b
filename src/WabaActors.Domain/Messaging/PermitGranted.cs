using WabaActors.Domain.Identity;
using WabaActors.Domain.Pricing;

namespace WabaActors.Domain.Messaging;

/// <summary>
/// The delta of the permit ledger: a grant, kept for idempotent replay. Instants in UTC ticks;
/// <see cref="Used"/>/<see cref="Limit"/> are set for templates.
/// </summary>
public sealed record PermitGranted(string MessageId, CustomerIdentity Customer, MessageType Type, long GrantedAtTicks)
{
    public long? WindowExpiresAtTicks { get; init; }
    public int? Used { get; init; }
    public int? Limit { get; init; }

    /// <summary>
    /// When messages to this customer on this number stop being free, if this grant answered within 24 h of a
    /// free entry point (or fell in its 72 h): pricing only, persisted so a reload keeps it. Null: not free.
    /// </summary>
    public long? FreeUntilTicks { get; init; }

    /// <summary>The grant's price (<see cref="Price.Code"/>), replayed with it; 0 for a grant from before pricing.</summary>
    public byte PriceCode { get; init; }

    public static PermitGranted From(string messageId, CustomerIdentity customer, MessageType type, SendDecision decision, DateTimeOffset now) =>
        new(messageId, customer, type, now.UtcTicks)
        {
            WindowExpiresAtTicks = decision.WindowExpiresAt?.UtcTicks,
            Used = decision.TemplateRecipients?.Used,
            Limit = decision.TemplateRecipients?.Limit,
            PriceCode = decision.Price?.Code ?? 0,
        };
}
