using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Messaging;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Onboarding;

namespace WabaActors.Grains.Translation;

/// <summary>The domain's decisions and answers ↔ the typed grain contract. Every enum maps by name, checked once per process.</summary>
internal static class Decisions
{
    // Built once: a denial is a hot-path answer and maps by index. DenyReason.None has no contract value.
    private static readonly DenialReason?[] Reasons =
        [.. Enum.GetValues<DenyReason>().Select(r => r == DenyReason.None ? (DenialReason?)null : Enum.Parse<DenialReason>(r.ToString()))];

    private static readonly TemplateGrantOutcome[] Outcomes = ByName<GrantOutcome, TemplateGrantOutcome>();
    private static readonly GrantOutcome[] DomainOutcomes = ByName<TemplateGrantOutcome, GrantOutcome>();
    private static readonly GateStatus[] GateStatuses = ByName<AccountStatus, GateStatus>();
    private static readonly AccountStatus[] AccountStatuses = ByName<GateStatus, AccountStatus>();
    private static readonly Domain.Messaging.EntryPoint[] EntryPoints = ByName<Contracts.Messaging.EntryPoint, Domain.Messaging.EntryPoint>();

    public static PermitDecision ToContract(this SendDecision d, string messageId) => new(d.Allowed, messageId)
    {
        WindowExpiresAt = d.WindowExpiresAt,
        TemplateRecipients = d.Allowed && d.TemplateRecipients is { } u ? new TemplateUsage(u.Used, u.Limit) : null,
        Reason = d.Allowed ? null : Reasons[(int)d.Reason],
        RetryAt = d.RetryAt,
        Detail = d.Detail,
        Pricing = d.Allowed && d.Price is { } price ? price.ToContract() : null,
        Shadow = d.Shadow is { } shadow ? new Contracts.Messaging.ShadowDenial(Reasons[(int)shadow.Reason]!.Value, shadow.RetryAt, shadow.Detail) : null,
    };

    public static WindowView ToView(this WindowState w) => new(w.Open, w.ExpiresAt);

    public static MessageType ToDomain(this MessageKind kind) => kind == MessageKind.Template ? MessageType.Template : MessageType.Session;

    public static TemplateGrant ToContract(this QuotaAnswer a) =>
        new(Outcomes[(int)a.Outcome], a.Usage.Used, a.Usage.Limit, a.Usage.NextSlotAt) { Aliases = a.Aliases.Texts() };

    public static QuotaAnswer ToDomain(this TemplateGrant g) =>
        new(DomainOutcomes[(int)g.Outcome], new RecipientUsage(g.Used, g.Limit, g.NextSlotAt)) { Aliases = Customers.Parse(g.Aliases) };

    public static GateStatus ToContract(this AccountStatus s) => GateStatuses[(int)s];

    public static AccountStatus ToDomain(this GateStatus s) => AccountStatuses[(int)s];

    /// <summary>A defined entry point (the number validates it first).</summary>
    public static Domain.Messaging.EntryPoint ToDomain(this Contracts.Messaging.EntryPoint e) => EntryPoints[(int)e];

    /// <summary>For each value of <typeparamref name="TFrom"/> (by ordinal), the value of <typeparamref name="TTo"/> of the same name.</summary>
    private static TTo[] ByName<TFrom, TTo>()
        where TFrom : struct, Enum
        where TTo : struct, Enum =>
        [.. Enum.GetValues<TFrom>().Select(v => Enum.Parse<TTo>(v.ToString()))];
}
