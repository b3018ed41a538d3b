using WabaActors.Contracts.Messaging;
using WabaActors.Domain.Common;
using WabaActors.Domain.Messaging;

namespace WabaActors.Grains.Mapping;

internal static class Decisions
{
    public static PermitDecision ToContract(this SendDecision d, string messageId) => new(d.Allowed, messageId)
    {
        WindowExpiresAt = d.WindowExpiresAt,
        TemplateRecipients = d.Allowed && d.TemplateRecipients is { } u ? new TemplateUsage(u.Used, u.Limit) : null,
        Reason = d.Allowed ? null : SnakeCase.Of(d.Reason),
        RetryAt = d.RetryAt,
        Detail = d.Detail,
    };

    public static WindowView ToView(this WindowState w) => new(w.Open, w.ExpiresAt);
}
