using WabaActors.Contracts;
using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Numbers;
using WabaActors.Host.Security;

namespace WabaActors.Host.Api;

/// <summary>A number's verification and display name.</summary>
public static class NumbersEndpoints
{
    public static IEndpointRouteBuilder MapNumbersEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(AccountsEndpoints.Prefix + "/numbers/{phone}").WithTags("Numbers");
        g.MapGet("", GetNumber).WithName("GetNumber").Produces<NumberView>().Describe();
        g.MapPost("/verification-code", ResendCode).WithName("ResendVerificationCode").Produces<NumberView>().Describe(409, 429, 502, 503);
        g.MapPost("/verification", Verify).WithName("VerifyNumber").Produces<NumberView>().Describe(409, 422, 429, 502, 503);
        g.MapPut("/display-name", SetDisplayName).WithName("SetDisplayName").Produces<NumberView>().Describe();
        g.MapPost("/display-name/review", DecideDisplayName).WithName("DecideDisplayNameReview").WithTags("Reviews and verification")
            .Produces<NumberView>().Describe(409).RequireOperatorKey();
        return app;
    }

    private static async Task<IResult> GetNumber(string tenant, string waba, string phone, IGrainFactory grains, RulesClock clock) =>
        PathIds.Check(tenant, waba, phone) ?? (await Number(grains, phone).GetAsync(new Scope(tenant, waba))).ToHttp(clock.Now);

    private static async Task<IResult> ResendCode(string tenant, string waba, string phone, IGrainFactory grains, RulesClock clock) =>
        PathIds.Check(tenant, waba, phone) ?? (await Number(grains, phone).ResendCodeAsync(new Scope(tenant, waba))).ToHttp(clock.Now);

    private static async Task<IResult> Verify(string tenant, string waba, string phone, VerificationBody body, IGrainFactory grains, RulesClock clock) =>
        PathIds.Check(tenant, waba, phone) ?? (await Number(grains, phone).VerifyAsync(new Scope(tenant, waba), body.Code)).ToHttp(clock.Now);

    private static async Task<IResult> SetDisplayName(string tenant, string waba, string phone, DisplayNameBody body, IGrainFactory grains, RulesClock clock) =>
        PathIds.Check(tenant, waba, phone) ?? (await Number(grains, phone).SetDisplayNameAsync(new Scope(tenant, waba), body.Name)).ToHttp(clock.Now);

    private static async Task<IResult> DecideDisplayName(string tenant, string waba, string phone, ReviewDecisionRequest body, IGrainFactory grains, RulesClock clock) =>
        PathIds.Check(tenant, waba, phone) ?? (await Number(grains, phone).DecideDisplayNameAsync(new Scope(tenant, waba), body)).ToHttp(clock.Now);

    private static INumberGrain Number(IGrainFactory grains, string phone) => grains.Reference<INumberGrain>(phone);
}
