using WabaActors.Domain.Common;
using WabaActors.Domain.Events;

namespace WabaActors.Domain.Numbers;

/// <summary>
/// The result of a verification try. A wrong code is refused (<see cref="Error"/>) and still
/// changes state (an attempt is spent), so both are returned.
/// </summary>
public sealed record VerificationOutcome(Changed<NumberRegistration> Change, DomainError? Error)
{
    public bool Verified => Error is null;
}
