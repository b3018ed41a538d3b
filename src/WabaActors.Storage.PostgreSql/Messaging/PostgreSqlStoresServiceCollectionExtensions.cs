using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WabaActors.Grains.Storage;

namespace WabaActors.Storage.PostgreSql;

public static class PostgreSqlStoresServiceCollectionExtensions
{
    /// <summary>
    /// The grains' delta stores on PostgreSQL (windows, grants, recipients, histories), written through
    /// one silo-wide <see cref="GroupCommitWriter"/>, and the background pruner. Register before
    /// <c>AddWabaGrainServices</c>, whose in-memory stores are only defaults.
    /// </summary>
    public static IServiceCollection AddPostgreSqlWabaStores(this IServiceCollection services)
    {
        services.AddOptions<GroupCommitOptions>().BindConfiguration(GroupCommitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PruneOptions>().BindConfiguration(PruneOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<GroupCommitWriter>();
        services.TryAddSingleton<DeltaLogKeys>();
        services.AddSingleton<IMessagingStore, PostgreSqlMessagingStore>();
        services.AddSingleton<IHistoryStore, PostgreSqlHistoryStore>();
        services.AddHostedService<MessagingPruner>();
        return services;
    }
}
