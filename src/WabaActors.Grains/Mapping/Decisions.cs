using WabaActors.Contracts.Messaging;
using WabaActors.Domain.Common;
using WabaActors.Domain.Messaging;

namespace WabaActors.Grains.Mapping;

internal static class Decisions
{
    // Computed once: a denial is a hot-path answer and should not allocate its reason's name.
    private static readonly string[] ReasonNames = [.. Enum.GetValues<DenyReason>().Select(r => SnakeCase.Of(r))];

    public static PermitDecision ToContract(this SendDecision d, string messageId) => new(d.Allowed, messageId)
    {
        WindowExpiresAt = d.WindowExpiresAt,
        TemplateRecipients = d.Allowed && d.TemplateRecipients is { } u ? new TemplateUsage(u.Used, u.Limit) : null,
        Reason = d.Allowed ? null : ReasonNames[(int)d.Reason],
        RetryAt = d.RetryAt,
        Detail = d.Detail,
    };

    public static WindowView ToView(this WindowState w) => new(w.Open, w.ExpiresAt);
}
