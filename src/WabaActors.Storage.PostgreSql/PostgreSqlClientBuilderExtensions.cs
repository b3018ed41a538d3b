using Npgsql;
using Orleans.Hosting;

namespace WabaActors.Storage.PostgreSql;

/// <summary>Gateway discovery for an external client from the silos' membership table.</summary>
public static class PostgreSqlClientBuilderExtensions
{
    public static IClientBuilder UsePostgreSqlClustering(this IClientBuilder builder, NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        return builder.UseAdoNetClustering(o => { o.Invariant = PostgreSqlSiloBuilderExtensions.Invariant; o.DataSource = dataSource; });
    }
}
