using WabaActors.Contracts;
using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Numbers;
using WabaActors.Domain.Common;

namespace WabaActors.Host.Api;

/// <summary>Accounts and onboarding steps 1–4 (docs/api.md "Accounts and onboarding").</summary>
public static class AccountsEndpoints
{
    public const string Prefix = "/v1/tenants/{tenant}/accounts/{waba}";

    public static IEndpointRouteBuilder MapAccountsEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Prefix).WithTags("Accounts and onboarding");
        g.MapPut("", PutAccount).WithName("PutAccount").Produces<AccountView>(201).Produces<AccountView>()
            .Describe("Create, read or rename an account", "Creates the account of this WABA for the tenant (201), or answers the existing one (200): renamed when the optional name is new (an account_renamed event), unchanged otherwise. See docs/api.md § Accounts and onboarding.", ErrorCodes.ValidationFailed, ErrorCodes.WabaAlreadyOnboarded);
        g.MapGet("", GetAccount).WithName("GetAccount").Produces<AccountView>()
            .Describe("Read an account", "The account view: status, onboarding steps, the commerce-policy review, business verification, limits, numbers and active holds. See docs/api.md § Accounts and onboarding.", ErrorCodes.ValidationFailed, ErrorCodes.NotFound);
        g.MapPost("/onboarding/user-account", SubmitEmail).WithName("SubmitUserAccount").Produces<AccountView>()
            .Describe("Step 1: submit the e-mail", "Records the e-mail of the person onboarding; step 1 then waits for its confirmation. See docs/api.md § Accounts and onboarding.", ErrorCodes.ValidationFailed, ErrorCodes.NotFound, ErrorCodes.OnboardingCompleted);
        g.MapPost("/onboarding/user-account/confirmation", ConfirmEmail).WithName("ConfirmUserAccount").Produces<AccountView>()
            .Describe("Step 1: confirm the e-mail", "Confirms the submitted e-mail; step 1 is done. See docs/api.md § Accounts and onboarding.", ErrorCodes.ValidationFailed, ErrorCodes.NotFound, ErrorCodes.StepOutOfOrder, ErrorCodes.OnboardingCompleted);
        g.MapPost("/onboarding/business-manager", SubmitBusinessManager).WithName("SubmitBusinessManager").Produces<AccountView>()
            .Describe("Step 2: submit the Business Manager", "Records the company's Meta Business Manager; the person onboarding must be one of its administrators. See docs/api.md § Accounts and onboarding.", ErrorCodes.ValidationFailed, ErrorCodes.NotFound, ErrorCodes.StepOutOfOrder, ErrorCodes.OnboardingCompleted, ErrorCodes.BusinessManagerClaimed, ErrorCodes.NotBusinessManagerAdmin);
        g.MapPost("/onboarding/company-profile", SubmitCompanyProfile).WithName("SubmitCompanyProfile").Produces<AccountView>()
            .Describe("Step 3: submit the company profile", "Records the company's official name, industry and description. See docs/api.md § Accounts and onboarding.", ErrorCodes.ValidationFailed, ErrorCodes.NotFound, ErrorCodes.StepOutOfOrder, ErrorCodes.OnboardingCompleted);
        g.MapPost("/numbers", AddNumber).WithName("AddNumber").Produces<NumberWithWarnings>(201).Produces<NumberWithWarnings>()
            .Describe("Step 4: add a phone number", "Adds a number and sends its verification code (201 with warnings), or answers the number already on this account (200). See docs/api.md § Numbers and verification.", ErrorCodes.ValidationFailed, ErrorCodes.NotFound, ErrorCodes.StepOutOfOrder, ErrorCodes.NumberAdditionRestricted, ErrorCodes.NumberLimitReached, ErrorCodes.NumberAlreadyRegistered, ErrorCodes.NumberInUseInWhatsAppApp, ErrorCodes.GatewayError, ErrorCodes.GatewayUnavailable);
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
