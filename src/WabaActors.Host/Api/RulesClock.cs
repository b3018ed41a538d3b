using Microsoft.Extensions.DependencyInjection;
using WabaActors.Grains.Time;

namespace WabaActors.Host.Api;

/// <summary>The rules' clock (the keyed <see cref="TimeProvider"/> windows, quotas and reminders run on), for handlers: Retry-After is computed on it.</summary>
public sealed class RulesClock([FromKeyedServices(WabaClock.Key)] TimeProvider now)
{
    public TimeProvider Now { get; } = now;
}
