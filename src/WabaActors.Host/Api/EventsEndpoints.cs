using System.Globalization;
using WabaActors.Contracts;
using WabaActors.Contracts.Accounts;

namespace WabaActors.Host.Api;

/// <summary>The account's durable history, oldest first, paged by cursor.</summary>
public static class EventsEndpoints
{
    public static IEndpointRouteBuilder MapEventsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(AccountsEndpoints.Prefix + "/events", GetEvents).WithTags("Accounts and onboarding").WithName("GetEvents")
            .Produces<EventPage>().Describe();
        return app;
    }

    private static async Task<IResult> GetEvents(string tenant, string waba, string? after, string? limit, IGrainFactory grains, RulesClock clock)
    {
        if (PathIds.Check(tenant, waba) is { } bad)
        {
            return bad;
        }

        var cursor = 0L;
        if (after is not null && (!long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out cursor) || cursor < 0))
        {
            return Problems.Validation("after", "after must be a cursor returned by this endpoint.");
        }

        var size = 100;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > 1000))
        {
            return Problems.Validation("limit", "limit must be between 1 and 1000.");
        }

        return (await grains.Reference<IAccountGrain>(waba).GetEventsAsync(tenant, cursor, size)).ToHttp(clock.Now);
    }
}
