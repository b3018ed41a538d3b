using System.Data;
using Npgsql;

namespace WabaActors.Storage.Tests;

/// <summary>
/// The clustering queries run as the provider runs them (named parameters, its DbTypes), for the
/// outcomes a healthy test cluster never produces: conflicts, duplicates, a deleted cluster.
/// </summary>
public class ClusteringQueryTexts
{
    private const string Cluster = "c1";

    [Fact]
    public async Task VersionRowIsCreatedOnce()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: true);

        Assert.Equal(1, await RunAsync(db, "InsertMembershipVersionKey", Deployment()));
        Assert.Equal(0, await RunAsync(db, "InsertMembershipVersionKey", Deployment()));
    }

    [Fact]
    public async Task InsertNeedsTheCurrentVersionAndAFreshSilo()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: true);
        await RunAsync(db, "InsertMembershipVersionKey", Deployment());

        Assert.Equal(0, await RunAsync(db, "InsertMembershipKey", Silo(version: 5)));   // stale version
        Assert.Equal(1, await RunAsync(db, "InsertMembershipKey", Silo(version: 0)));
        Assert.Equal(0, await RunAsync(db, "InsertMembershipKey", Silo(version: 1)));   // the row exists

        // Neither failure moved the version: only the one insert did.
        Assert.Equal(1, await db.ScalarAsync<int>("SELECT version FROM orleans_membership_version"));
    }

    [Fact]
    public async Task UpdateOfAMissingSiloLeavesTheVersionAlone()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: true);
        await RunAsync(db, "InsertMembershipVersionKey", Deployment());
        await RunAsync(db, "InsertMembershipKey", Silo(version: 0));

        Assert.Equal(0, await RunAsync(db, "UpdateMembershipKey", Update(generation: 99, version: 1)));
        Assert.Equal(0, await RunAsync(db, "UpdateMembershipKey", Update(generation: 1, version: 0)));
        Assert.Equal(1, await RunAsync(db, "UpdateMembershipKey", Update(generation: 1, version: 1)));

        Assert.Equal("2|6|s1,x", await db.ScalarAsync<string>(
            "SELECT v.version || '|' || m.status || '|' || m.suspecttimes FROM orleans_membership m JOIN orleans_membership_version v USING (deploymentid)"));
    }

    [Fact]
    public async Task DeletingAClusterTakesItsSilosAlong()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: true);
        await RunAsync(db, "InsertMembershipVersionKey", Deployment());
        await RunAsync(db, "InsertMembershipKey", Silo(version: 0));

        await RunAsync(db, "DeleteMembershipTableEntriesKey", Deployment());

        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT (SELECT count(*) FROM orleans_membership) + (SELECT count(*) FROM orleans_membership_version)"));
    }

    private static NpgsqlParameter[] Deployment() => [new("DeploymentId", DbType.String) { Value = Cluster }];

    private static NpgsqlParameter[] Address(int generation) =>
    [
        .. Deployment(),
        new("Address", DbType.AnsiString) { Value = "10.0.0.1" },
        new("Port", DbType.Int32) { Value = 11111 },
        new("Generation", DbType.Int32) { Value = generation },
        new("IAmAliveTime", DbType.DateTime) { Value = DateTime.UtcNow },
    ];

    private static NpgsqlParameter[] Silo(int version) =>
    [
        .. Address(generation: 1),
        new("SiloName", DbType.String) { Value = "silo" },
        new("HostName", DbType.String) { Value = "host" },
        new("Status", DbType.Int32) { Value = 3 },
        new("ProxyPort", DbType.Int32) { Value = 30000 },
        new("StartTime", DbType.DateTime) { Value = DateTime.UtcNow },
        new("Version", DbType.Int32) { Value = version },
    ];

    private static NpgsqlParameter[] Update(int generation, int version) =>
    [
        .. Address(generation),
        new("Status", DbType.Int32) { Value = 6 },
        new("SuspectTimes", DbType.String) { Value = "s1,x" },
        new("Version", DbType.Int32) { Value = version },
    ];

    // Like the provider: the text from orleansquery, one result column read as a number.
    private static async Task<int> RunAsync(TestDatabase db, string key, NpgsqlParameter[] parameters)
    {
        var text = await db.ScalarAsync<string>($"SELECT querytext FROM orleansquery WHERE querykey = '{key}'");
        await using var command = db.DataSource.CreateCommand(text);
        command.Parameters.AddRange(parameters);
        return Convert.ToInt32(await command.ExecuteScalarAsync() ?? 0, System.Globalization.CultureInfo.InvariantCulture);
    }
}
