using WabaActors.Contracts;
using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Numbers;

namespace WabaActors.Host.Api;

/// <summary>Accounts and onboarding steps 1–4 (api.md "Accounts and onboarding").</summary>
public static class AccountsEndpoints
{
    public const string Prefix = "/v1/tenants/{tenant}/accounts/{waba}";

    public static IEndpointRouteBuilder MapAccountsEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Prefix).WithTags("Accounts and onboarding");
        g.MapPut("", PutAccount).WithName("PutAccount").Produces<AccountView>(201).Describe(409);
        g.MapGet("", GetAccount).WithName("GetAccount").Produces<AccountView>().Describe();
        g.MapPost("/onboarding/user-account", SubmitEmail).WithName("SubmitUserAccount").Produces<AccountView>().Describe(409);
        g.MapPost("/onboarding/user-account/confirmation", ConfirmEmail).WithName("ConfirmUserAccount").Produces<AccountView>().Describe(409);
        g.MapPost("/onboarding/business-manager", SubmitBusinessManager).WithName("SubmitBusinessManager").Produces<AccountView>().Describe(409, 422);
        g.MapPost("/onboarding/company-profile", SubmitCompanyProfile).WithName("SubmitCompanyProfile").Produces<AccountView>().Describe(409);
        g.MapPost("/numbers", AddNumber).WithName("AddNumber").Produces<NumberView>(201).Produces<NumberView>().Describe(409, 422, 502, 503);
        return app;
    }

    private static async Task<IResult> PutAccount(string tenant, string waba, CreateAccountBody? body, IGrainFactory grains, RulesClock clock) =>
        PathIds.Check(tenant, waba) ?? (await Account(grains, waba).CreateAsync(tenant, body?.Name)).ToHttp(clock.Now);

    private static async Task<IResult> GetAccount(string tenant, string waba, IGrainFactory grains, RulesClock clock) =>
        PathIds.Check(tenant, waba) ?? (await Account(grains, waba).GetAsync(tenant)).ToHttp(clock.Now);

    private static async Task<IResult> SubmitEmail(string tenant, string waba, EmailBody body, IGrainFactory grains, RulesClock clock) =>
        PathIds.Check(tenant, waba) ?? (await Account(grains, waba).SubmitEmailAsync(tenant, body.Email)).ToHttp(clock.Now);

    private static async Task<IResult> ConfirmEmail(string tenant, string waba, IGrainFactory grains, RulesClock clock) =>
        PathIds.Check(tenant, waba) ?? (await Account(grains, waba).ConfirmEmailAsync(tenant)).ToHttp(clock.Now);

    private static async Task<IResult> SubmitBusinessManager(string tenant, string waba, BusinessManagerRequest body, IGrainFactory grains, RulesClock clock) =>
        PathIds.Check(tenant, waba) ?? (await Account(grains, waba).SubmitBusinessManagerAsync(tenant, body)).ToHttp(clock.Now);

    private static async Task<IResult> SubmitCompanyProfile(string tenant, string waba, CompanyProfileRequest body, IGrainFactory grains, RulesClock clock) =>
        PathIds.Check(tenant, waba) ?? (await Account(grains, waba).SubmitCompanyProfileAsync(tenant, body)).ToHttp(clock.Now);

    private static async Task<IResult> AddNumber(string tenant, string waba, AddNumberBody body, IGrainFactory grains, RulesClock clock)
    {
        if (PathIds.Check(tenant, waba) is { } bad)
        {
            return bad;
        }

        var request = new AddNumberRequest(body.PhoneNumber ?? string.Empty, body.VerificationMethod, body.InUseInWhatsAppApp, body.IvrDisabled);
        var reply = await Account(grains, waba).AddNumberAsync(tenant, request);
        return reply.ToHttp(clock.Now, view => new NumberWithWarnings(view, reply.Warnings));
    }

    private static IAccountGrain Account(IGrainFactory grains, string waba) => grains.Reference<IAccountGrain>(waba);
}
