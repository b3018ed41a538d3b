using WabaActors.Host.Api.OpenApi;

namespace WabaActors.Host.Api;

internal static class EndpointConventions
{
    /// <summary>
    /// Documents an endpoint: its summary, its description, and every error code it can answer itself
    /// (each code's status comes from <see cref="ErrorCatalog"/>). The answers every call shares
    /// (401/403/429/413/415/503 and <c>default</c>) are added by <see cref="ContractOperationTransformer"/>.
    /// </summary>
    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder builder, string summary, string description, params string[] codes)
    {
        foreach (var code in codes)
        {
            _ = ErrorCatalog.StatusOf(code); // an unknown code fails at startup, not in a client
        }

        return builder.WithSummary(summary).WithDescription(description).WithMetadata(new ProblemCodesMetadata(codes));
    }

    /// <summary>Marks an endpoint that calls no grain, so it cannot answer the cluster's passing 503s.</summary>
    public static RouteHandlerBuilder CallsNoGrain(this RouteHandlerBuilder builder) => builder.WithMetadata(new CallsNoGrainMetadata());
}
