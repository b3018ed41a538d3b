using WabaActors.Contracts;
using WabaActors.Contracts.Accounts;
using WabaActors.Domain.Common;
using WabaActors.Host.Security;

namespace WabaActors.Host.Api;

/// <summary>Operator-driven decisions on an account (docs/api.md "Reviews and business verification").</summary>
public static class ReviewsEndpoints
{
    public static IEndpointRouteBuilder MapReviewsEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(AccountsEndpoints.Prefix).WithTags("Reviews and verification");
        g.MapPost("/reviews/commerce-policy", DecideCommercePolicy).WithName("DecideCommercePolicyReview").Produces<AccountView>()
            .Describe("Decide the commerce-policy review", "Approves or rejects the live account against the commerce policy; a rejection blocks every send. See docs/api.md § Reviews and business verification.", ErrorCodes.ValidationFailed, ErrorCodes.NotFound, ErrorCodes.ReviewNotRequested).RequireOperatorKey();
        g.MapPost("/business-verification", SetBusinessVerification).WithName("SetBusinessVerification").Produces<AccountView>()
            .Describe("Set business verification", "Records Meta's business verification of the company, which raises the account's limits. See docs/api.md § Reviews and business verification.", ErrorCodes.ValidationFailed, ErrorCodes.NotFound).RequireOperatorKey();
        return app;
    }

    private static async Task<IResult> DecideCommercePolicy(string tenant, string waba, ReviewDecisionRequest body, IGrainFactory grains, RulesClock clock) =>
        PathIds.Check(tenant, waba) ?? (await grains.Reference<IAccountGrain>(waba).DecideCommerceReviewAsync(tenant, body)).ToHttp(clock.Now);

    private static async Task<IResult> SetBusinessVerification(string tenant, string waba, BusinessVerificationBody body, IGrainFactory grains, RulesClock clock) =>
        PathIds.Check(tenant, waba) ?? (await grains.Reference<IAccountGrain>(waba).SetBusinessVerificationAsync(tenant, body.Status)).ToHttp(clock.Now);
}
