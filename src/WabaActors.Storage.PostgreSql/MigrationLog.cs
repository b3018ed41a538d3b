using Microsoft.Extensions.Logging;

namespace WabaActors.Storage.PostgreSql;

internal static partial class MigrationLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Schema file {Version:000}_{Name} applied in {ElapsedMs} ms")]
    public static partial void Applied(ILogger logger, int version, string name, long elapsedMs);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Schema file {Version:000}_{Name} already applied")]
    public static partial void AlreadyApplied(ILogger logger, int version, string name);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Schema is at version {Version} ({Applied} file(s) applied by this run)")]
    public static partial void UpToDate(ILogger logger, int version, int applied);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Schema version {Version} ({Name}) is applied but unknown to this build; a newer build migrated this database")]
    public static partial void UnknownVersion(ILogger logger, int version, string name);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Critical, Message = "Schema file {Version:000}_{Name} changed after it was applied (applied {AppliedSha256}, now {Sha256})")]
    public static partial void ChecksumChanged(ILogger logger, int version, string name, string appliedSha256, string sha256);
}
