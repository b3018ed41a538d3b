namespace WabaActors.Host.Api;

internal static class EndpointConventions
{
    /// <summary>Documents the problems an endpoint answers: 400 and 404 always, plus <paramref name="statuses"/>.</summary>
    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder builder, params int[] statuses)
    {
        builder.ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        foreach (var status in statuses)
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }
}
