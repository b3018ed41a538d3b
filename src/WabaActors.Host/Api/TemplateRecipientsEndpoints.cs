using WabaActors.Contracts;
using WabaActors.Contracts.Accounts;
using WabaActors.Domain.Common;

namespace WabaActors.Host.Api;

/// <summary>
/// When each template recipient still counted in the rolling period was counted (the operator page's
/// chart): read through the account, so it is tenant-scoped like every account call.
/// </summary>
public static class TemplateRecipientsEndpoints
{
    public static IEndpointRouteBuilder MapTemplateRecipientsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(AccountsEndpoints.Prefix + "/template-recipients", GetTemplateRecipients).WithTags("Messaging")
            .WithName("GetTemplateRecipients").Produces<TemplateRecipientsView>()
            .Describe("Read the template-recipient set", "The rolling template-recipient set behind limits.templateRecipients: used, limit, nextSlotAt, " +
                "the period (from, to] it covers, and countedAt, the instant each counted recipient was counted, oldest first " +
                "(no customer ids). The set is the account's, or its business portfolio's when the limit is shared.",
                ErrorCodes.ValidationFailed, ErrorCodes.NotFound);
        return app;
    }

    private static async Task<IResult> GetTemplateRecipients(string tenant, string waba, IGrainFactory grains, RulesClock clock) =>
        PathIds.Check(tenant, waba) ?? (await grains.Reference<IAccountGrain>(waba).GetTemplateRecipientsAsync(tenant)).ToHttp(clock.Now);
}
