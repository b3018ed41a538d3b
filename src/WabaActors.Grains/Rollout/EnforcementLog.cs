using Microsoft.Extensions.Logging;
using WabaActors.Domain.Messaging;
using WabaActors.Grains.Telemetry;

namespace WabaActors.Grains.Rollout;

internal static partial class EnforcementLog
{
    [LoggerMessage(EventId = WabaEventId.EnforcementModes, Level = LogLevel.Information,
        Message = "Enforcement: tenants {Default} by default; in shadow: {Shadowed}; enforced: {Enforced}")]
    public static partial void Modes(ILogger logger, Enforcement @default, string shadowed, string enforced);

    [LoggerMessage(EventId = WabaEventId.EnforcementReloadRefused, Level = LogLevel.Warning,
        Message = "The changed WabaActors:Enforcement was refused, the previous modes stay: {Error}")]
    public static partial void ReloadRefused(ILogger logger, string error);
}
