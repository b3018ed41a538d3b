using WabaActors.Contracts;
using WabaActors.Contracts.Templates;
using WabaActors.Domain.Common;

namespace WabaActors.Host.Api;

/// <summary>The account's template registry (docs/api.md § Templates): what permits naming a template are decided on.</summary>
public static class TemplatesEndpoints
{
    public static IEndpointRouteBuilder MapTemplatesEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(AccountsEndpoints.Prefix + "/templates").WithTags("Templates");
        g.MapPut("/{name}/{language}", PutTemplate).WithName("PutTemplate").Produces<TemplateView>()
            .Describe("Set a template's category and status", "Sets one template of the account's registry (a name in one language) to exactly this category and status; " +
                "a paused template's pausedUntil is the pause's end when known. Permits naming it are decided on the new status at once; Meta's template webhooks keep " +
                "the same registry. See docs/api.md § Templates.", ErrorCodes.ValidationFailed, ErrorCodes.NotFound);
        g.MapGet("", GetTemplates).WithName("GetTemplates").Produces<TemplateList>()
            .Describe("Read the template registry", "Every template the account's registry holds, by name then language: category, status, the pause's end, " +
                "when it last changed and whether it sends now. See docs/api.md § Templates.", ErrorCodes.ValidationFailed, ErrorCodes.NotFound);
        return app;
    }

    private static async Task<IResult> PutTemplate(string tenant, string waba, string name, string language, TemplateBody body, IGrainFactory grains, RulesClock clock)
    {
        if (PathIds.Check(tenant, waba) is { } bad)
        {
            return bad;
        }

        return TemplateInput.Read(name, language, body, out var invalid) is { } update
            ? (await Account(grains, waba).PutTemplateAsync(tenant, update)).ToHttp(clock.Now)
            : invalid!.ToProblem(clock.Now);
    }

    private static async Task<IResult> GetTemplates(string tenant, string waba, IGrainFactory grains, RulesClock clock) =>
        PathIds.Check(tenant, waba) ?? (await Account(grains, waba).GetTemplatesAsync(tenant)).ToHttp(clock.Now);

    private static IAccountGrain Account(IGrainFactory grains, string waba) => grains.Reference<IAccountGrain>(waba);
}
