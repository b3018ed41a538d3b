namespace WabaActors.Storage.PostgreSql;

/// <summary>The database schema cannot be brought to this build's version; the silo must not start.</summary>
public sealed class SchemaMigrationException(string message, Exception? inner = null) : Exception(message, inner);
