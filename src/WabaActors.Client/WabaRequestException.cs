using WabaActors.Contracts.Common;

namespace WabaActors.Client;

/// <summary>
/// The service refused the request itself (bad input, unknown account or number, a reused message id).
/// A denied send is not an exception: it is a <see cref="Contracts.Messaging.PermitDecision"/> with
/// <c>Allowed = false</c>.
/// </summary>
public sealed class WabaRequestException(Failure failure) : Exception($"{failure.Code}: {failure.Message}")
{
    /// <summary>The stable code (the same as the HTTP API's problem <c>code</c>).</summary>
    public string Code => Failure.Code;

    /// <summary>The whole refusal: field errors, retry instant.</summary>
    public Failure Failure { get; } = failure;
}
