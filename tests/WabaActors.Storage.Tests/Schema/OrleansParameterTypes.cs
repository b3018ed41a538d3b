using System.Data;
using Npgsql;

namespace WabaActors.Storage.Tests;

/// <summary>
/// The providers bind parameters by ADO.NET DbType (their DbExtensions type map); the schema relies on
/// how Npgsql sends those. If a Npgsql upgrade changes one, these fail before a silo misbehaves.
/// </summary>
public class OrleansParameterTypes
{
    [Theory]
    [InlineData(DbType.DateTime, "timestamp with time zone")]   // StartTime, IAmAliveTime: a UTC instant, no session-zone shift
    [InlineData(DbType.AnsiString, "text")]                     // GrainId, Address
    [InlineData(DbType.Int32, "integer")]                       // hashes, versions, ports
    [InlineData(DbType.Binary, "bytea")]                        // PayloadBinary
    public async Task NpgsqlSendsTheDbTypeAs(DbType dbType, string postgresType)
    {
        await using var db = await TestDatabase.CreateAsync();
        object value = dbType switch
        {
            DbType.DateTime => DateTime.UtcNow,
            DbType.AnsiString => "x",
            DbType.Int32 => 1,
            _ => new byte[] { 1 },
        };
        await using var command = db.DataSource.CreateCommand("SELECT pg_typeof(@P)::text");
        command.Parameters.Add(new NpgsqlParameter("P", dbType) { Value = value });

        Assert.Equal(postgresType, await command.ExecuteScalarAsync());
    }
}
