using System.Reflection;
using System.Text.RegularExpressions;
using Orleans.Configuration;
using Orleans.Storage;

namespace WabaActors.Storage.Tests;

/// <summary>The query rows are the providers' contract: a missing key fails the silo start.</summary>
public partial class OrleansQueryKeys
{
    private static readonly string[] Clustering =
    [
        "CleanupDefunctSiloEntriesKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey", "InsertMembershipKey",
        "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey", "UpdateIAmAlivetimeKey", "UpdateMembershipKey",
    ];

    private static readonly string[] Persistence = ["ClearStorageKey", "DeleteStorageKey", "ReadFromStorageKey", "WriteToStorageKey"];

    private static readonly string[] Reminders =
    [
        "DeleteReminderRowKey", "DeleteReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
        "ReadReminderRowKey", "ReadReminderRowsKey", "UpsertReminderRowKey",
    ];

    [Fact]
    public async Task HoldsExactlyTheKeysOfTheThreeProviders()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: true);

        Assert.Equal(
            Clustering.Concat(Persistence).Concat(Reminders).Order(StringComparer.Ordinal),
            await db.ColumnAsync("SELECT querykey FROM orleansquery ORDER BY querykey COLLATE \"C\""));
    }

    // The lists above must be what the referenced 10.4.2 packages ask for; a package upgrade that
    // adds a key fails here rather than at a silo start.
    [Fact]
    public void ClusteringKeysAreTheOnesThePackageRequires() =>
        Assert.Equal(Clustering, RequiredBy(typeof(AdoNetClusteringSiloOptions), "Orleans.Clustering.AdoNet.Storage"));

    [Fact]
    public void ReminderKeysAreTheOnesThePackageRequires() =>
        Assert.Equal(Reminders, RequiredBy(typeof(AdoNetReminderTableOptions), "Orleans.Reminders.AdoNet.Storage"));

    [Fact]
    public void PersistenceKeysAreTheOnesThePackageReads() =>
        Assert.Equal(
            Persistence,
            QueryKeyLiteral().Matches(AdoNetGrainStorage.DefaultInitializationQuery).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal));

    // DbStoredQueries declares one internal property per required key and checks them by reflection at start.
    private static IEnumerable<string> RequiredBy(Type publicType, string storageNamespace) =>
        publicType.Assembly.GetType($"{storageNamespace}.DbStoredQueries", throwOnError: true)!
            .GetProperties(BindingFlags.Instance | BindingFlags.NonPublic)
            .Select(p => p.Name)
            .Order(StringComparer.Ordinal);

    [GeneratedRegex("QueryKey = '([A-Za-z0-9]+)'")]
    private static partial Regex QueryKeyLiteral();
}
