using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using WabaActors.Contracts;
using WabaActors.Contracts.Accounts;
using WabaActors.Domain.Common;

namespace WabaActors.Host.Api;

/// <summary>The account's durable history, oldest first, paged by cursor.</summary>
public static class EventsEndpoints
{
    public static IEndpointRouteBuilder MapEventsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(AccountsEndpoints.Prefix + "/events", GetEvents).WithTags("Accounts and onboarding").WithName("GetEvents")
            .Produces<EventPage>()
            .AddOpenApiOperationTransformer(DescribeQuery)
            .Describe("Read the account's history", "The account's history in the order it was recorded (cursor order), paged with after and limit. See docs/api.md § Events.", ErrorCodes.ValidationFailed, ErrorCodes.NotFound);
        return app;
    }

    /// <summary>The query is bound as text (so a bad value gets this API's 400); the document says what it takes.</summary>
    private static Task DescribeQuery(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            switch (parameter.Name)
            {
                case "limit":
                    parameter.Description = "Events per page, 1-1000 (default 100).";
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = "1000", Default = 100 };
                    break;
                case "after":
                    parameter.Description = "The cursor of the last event seen (a page's `cursor`); absent for the first page.";
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[0-9]+$" };
                    break;
            }
        }

        return Task.CompletedTask;
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
