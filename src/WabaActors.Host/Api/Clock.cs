using Microsoft.Extensions.DependencyInjection;
using WabaActors.Grains.Time;

namespace WabaActors.Host.Api;

/// <summary>The rules' clock for handlers (Retry-After is computed on it).</summary>
public sealed class Clock([FromKeyedServices(WabaClock.Key)] TimeProvider now)
{
    public TimeProvider Now { get; } = now;
}
