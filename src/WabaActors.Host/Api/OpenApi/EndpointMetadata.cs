namespace WabaActors.Host.Api.OpenApi;

/// <summary>Endpoint metadata: the error codes the endpoint itself can answer (<see cref="EndpointConventions.Describe"/>).</summary>
internal sealed record ProblemCodesMetadata(IReadOnlyList<string> Codes);

/// <summary>Endpoint metadata: the endpoint calls no grain (<see cref="EndpointConventions.CallsNoGrain"/>).</summary>
internal sealed record CallsNoGrainMetadata;
