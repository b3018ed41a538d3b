using WabaActors.Contracts;
using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Numbers;
using WabaActors.Domain.Common;
using WabaActors.Host.Security;

namespace WabaActors.Host.Api;

/// <summary>A number's verification and display name.</summary>
public static class NumbersEndpoints
{
    public static IEndpointRouteBuilder MapNumbersEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(AccountsEndpoints.Prefix + "/numbers/{phone}").WithTags("Numbers");
        g.MapGet("", GetNumber).WithName("GetNumber").Produces<NumberView>()
            .Describe("Read a number", "The number view: status, verification, registration and billing instants, display name. See docs/api.md § Numbers and verification.", ErrorCodes.ValidationFailed, ErrorCodes.NotFound);
        g.MapPost("/verification-code", ResendCode).WithName("ResendVerificationCode").Produces<NumberView>()
            .Describe("Send a new verification code", "Sends a new code (at most one a minute); the attempts start again. See docs/api.md § Numbers and verification.", ErrorCodes.ValidationFailed, ErrorCodes.NotFound, ErrorCodes.NumberAlreadyVerified, ErrorCodes.CodeResendTooSoon, ErrorCodes.GatewayError, ErrorCodes.GatewayUnavailable);
        g.MapPost("/verification", Verify).WithName("VerifyNumber").Produces<NumberView>()
            .Describe("Enter the verification code", "Checks the code; the right one registers the number (and makes the account live with its first number). A wrong one spends an attempt. See docs/api.md § Numbers and verification.", ErrorCodes.ValidationFailed, ErrorCodes.NotFound, ErrorCodes.NumberAlreadyVerified, ErrorCodes.VerificationCodeExpired, ErrorCodes.InvalidVerificationCode, ErrorCodes.TooManyAttempts, ErrorCodes.GatewayError, ErrorCodes.GatewayUnavailable);
        g.MapPut("/display-name", SetDisplayName).WithName("SetDisplayName").Produces<NumberView>()
            .Describe("Submit a display name", "Submits the number's display name for review. See docs/api.md § Numbers and verification.", ErrorCodes.ValidationFailed, ErrorCodes.NotFound);
        g.MapPost("/display-name/review", DecideDisplayName).WithName("DecideDisplayNameReview").WithTags("Reviews and verification")
            .Produces<NumberView>()
            .Describe("Decide the display-name review", "Approves or rejects the submitted display name. See docs/api.md § Reviews and business verification.", ErrorCodes.ValidationFailed, ErrorCodes.NotFound, ErrorCodes.ReviewNotRequested).RequireOperatorKey();
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
