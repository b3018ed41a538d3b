using WabaActors.Contracts.Messaging;
using WabaActors.Contracts.Templates;

namespace WabaActors.Benchmarks;

/// <summary>
/// <c>WABA_BENCH_TEMPLATE=1</c>: every allowed permit of the warm scenarios becomes a template naming an approved
/// utility template of the account's registry (registered at onboarding), so that the registry check and the
/// template's pricing run on each; the denied half stays session permits. Default off: the workload of runs before
/// templates (docs/capacity.md, "Issue 18").
/// </summary>
public static class BenchTemplates
{
    public static readonly bool Named = Environment.GetEnvironmentVariable("WABA_BENCH_TEMPLATE") == "1";

    public static readonly TemplateRef Template = new("order_update", "en_US");

    /// <summary>The registry's entry every bench account holds when <see cref="Named"/>.</summary>
    public static readonly TemplateUpdate Approved = new(Template, TemplateCategory.Utility, TemplateStatus.Approved);

    /// <summary>The permit for an allowed op: a template naming the registered template when <see cref="Named"/>, else a session.</summary>
    public static PermitRequest Allowed(string customer, string messageId) => Named
        ? new PermitRequest(customer, MessageKind.Template, messageId) { Template = Template, Category = TemplateCategory.Utility }
        : new PermitRequest(customer, MessageKind.Session, messageId);
}
