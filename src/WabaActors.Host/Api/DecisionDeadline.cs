using WabaActors.Grains.Faults;

namespace WabaActors.Host.Api;

/// <summary>
/// Endpoint metadata: the call is one of the messaging pipeline's, answered within
/// <see cref="FaultOptions.DecisionDeadline"/> (<see cref="DecisionDeadlineMiddleware"/>).
/// </summary>
public sealed class DecisionDeadline
{
    public static readonly DecisionDeadline Marker = new();

    private DecisionDeadline()
    {
    }
}
