using Microsoft.Extensions.Logging;
using WabaActors.Grains.Telemetry;

namespace WabaActors.Storage.PostgreSql;

internal static partial class MigrationLog
{
    [LoggerMessage(EventId = WabaEventId.MigrationApplied, Level = LogLevel.Information, Message = "Schema file {Version:000}_{Name} applied in {ElapsedMs} ms")]
    public static partial void Applied(ILogger logger, int version, string name, long elapsedMs);

    [LoggerMessage(EventId = WabaEventId.MigrationAlreadyApplied, Level = LogLevel.Debug, Message = "Schema file {Version:000}_{Name} already applied")]
    public static partial void AlreadyApplied(ILogger logger, int version, string name);

    [LoggerMessage(EventId = WabaEventId.MigrationUpToDate, Level = LogLevel.Information, Message = "Schema is at version {Version} ({Applied} file(s) applied by this run)")]
    public static partial void UpToDate(ILogger logger, int version, int applied);

    [LoggerMessage(EventId = WabaEventId.MigrationUnknownVersion, Level = LogLevel.Warning, Message = "Schema version {Version} ({Name}) is applied but unknown to this build; a newer build migrated this database")]
    public static partial void UnknownVersion(ILogger logger, int version, string name);

    [LoggerMessage(EventId = WabaEventId.MigrationChecksumChanged, Level = LogLevel.Critical, Message = "Schema file {Version:000}_{Name} changed after it was applied (applied {AppliedSha256}, now {Sha256})")]
    public static partial void ChecksumChanged(ILogger logger, int version, string name, string appliedSha256, string sha256);

    [LoggerMessage(EventId = WabaEventId.MigrationLockTimedOut, Level = LogLevel.Warning, Message = "Schema file {Version:000}_{Name}: a table's lock was not free within the file's lock_timeout (try {Attempt} of {Attempts}); rolled back, trying again")]
    public static partial void LockTimedOut(ILogger logger, int version, string name, int attempt, int attempts);

    [LoggerMessage(EventId = WabaEventId.MigrationContractPending, Level = LogLevel.Warning, Message = "Contract schema file {Version:000}_{Name} is pending: {Count} live silo(s) run a build that does not know it: {Silos}. It is applied once they are gone")]
    public static partial void ContractPending(ILogger logger, int version, string name, int count, string silos);

    [LoggerMessage(EventId = WabaEventId.MigrationContractCheckFailed, Level = LogLevel.Warning, Message = "Checking the pending contract schema files failed; tried again at the next interval")]
    public static partial void ContractCheckFailed(ILogger logger, Exception error);

    [LoggerMessage(EventId = WabaEventId.DeltaLogKeysDropped, Level = LogLevel.Information, Message = "The keys of the window and grant tables are gone (007 applied): windows and grants are now written as plain inserts")]
    public static partial void DeltaLogKeysDropped(ILogger logger);
}
