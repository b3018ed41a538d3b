using WabaActors.Contracts.Common;
using WabaActors.Contracts.Messaging;
using WabaActors.Contracts.Templates;

namespace WabaActors.Client;

/// <summary>Template sends named by their template, and Meta's verdicts on earlier sends (docs/api.md, "Templates" and "Meta's verdicts on earlier sends").</summary>
public sealed partial class MessagingClient
{
    /// <summary>
    /// As <see cref="CheckSendAsync(string, string, string, string, MessageKind, string, string?, CancellationToken)"/> for a send that names
    /// its <paramref name="template"/> (decided on its status in the account's registry: <c>template_paused</c>,
    /// <c>template_not_approved</c>, <c>template_unknown</c>) and, when known, its <paramref name="category"/> (the registry's
    /// wins; a marketing template is denied <c>marketing_limit_per_user</c> or <c>marketing_opted_out</c> after Meta's verdicts).
    /// An allowed decision carries its <see cref="PermitDecision.Pricing"/>.
    /// </summary>
    /// <exception cref="WabaRequestException">Bad input (a template name or language Meta would not take too), an unknown account or number, or a message id reused.</exception>
    public async Task<PermitDecision> CheckSendAsync(
        string tenant, string waba, string phone, string customer, MessageKind kind, string messageId, string? userId,
        TemplateRef? template, TemplateCategory? category = null, CancellationToken ct = default)
    {
        var request = new PermitRequest(customer, kind, messageId, userId) { Template = template, Category = category };
        return Unwrap(await Retriable(Number(phone).RequestPermitAsync(new Scope(tenant, waba), request, ct)));
    }

    /// <summary>
    /// Meta's verdict on an earlier send from <paramref name="phone"/> (an error the Cloud API answered synchronously, or a
    /// status), applied once per (message id, status): 131047 closes the window, 131049 holds marketing templates to the
    /// customer for 24 h, 131050 stops them until a resume. Answers the effect it had.
    /// </summary>
    /// <exception cref="WabaRequestException">Bad input or an unknown account or number.</exception>
    public async Task<OutcomeResult> RecordOutcomeAsync(string tenant, string waba, string phone, SendOutcome outcome, CancellationToken ct = default) =>
        Unwrap(await Retriable(Number(phone).RecordOutcomeAsync(new Scope(tenant, waba), outcome, ct)));
}
