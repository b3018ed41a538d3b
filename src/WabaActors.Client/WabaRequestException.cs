using WabaActors.Contracts.Common;

namespace WabaActors.Client;

/// <summary>
/// The service refused the request itself (bad input, unknown account or number, a reused message id),
/// or — as <see cref="WabaUnavailableException"/>, <see cref="IsRetriable"/> — could not decide it right
/// now (the database unreachable, a silo leaving). A denied send is not an exception: it is a
/// <see cref="Contracts.Messaging.PermitDecision"/> with <c>Allowed = false</c>.
/// </summary>
public class WabaRequestException(Failure failure, Exception? inner = null) : Exception($"{failure.Code}: {failure.Message}", inner)
{
    /// <summary>The stable code (the same as the HTTP API's problem <c>code</c>).</summary>
    public string Code => Failure.Code;

    /// <summary>The whole refusal: field errors, retry instant.</summary>
    public Failure Failure { get; } = failure;

    /// <summary>
    /// True when the same request may simply be sent again (a passing server state, nothing decided);
    /// false for a refusal of the request itself, which a retry gets again.
    /// </summary>
    public virtual bool IsRetriable => false;
}
