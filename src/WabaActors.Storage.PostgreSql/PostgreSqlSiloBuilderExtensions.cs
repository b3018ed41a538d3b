using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;
using WabaActors.Grains.Telemetry;

namespace WabaActors.Storage.PostgreSql;

/// <summary>
/// The Orleans ADO.NET providers on PostgreSQL, sharing one caller-owned <see cref="NpgsqlDataSource"/>
/// (Orleans does not dispose it). The database needs the deploy/postgres/ schema: see
/// <see cref="AddPostgreSqlSchemaMigration"/>.
/// </summary>
public static class PostgreSqlSiloBuilderExtensions
{
    /// <summary>The ADO.NET invariant the providers need for Npgsql (their default is SQL Server's).</summary>
    public const string Invariant = "Npgsql";

    /// <summary>Cluster membership in orleans_membership / orleans_membership_version.</summary>
    public static ISiloBuilder UsePostgreSqlClustering(this ISiloBuilder builder, NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        return builder.UseAdoNetClustering(o => { o.Invariant = Invariant; o.DataSource = dataSource; });
    }

    /// <summary>A named grain storage provider in orleans_storage (whole state per write, version as ETag).</summary>
    public static ISiloBuilder AddPostgreSqlGrainStorage(this ISiloBuilder builder, string name, NpgsqlDataSource dataSource)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(dataSource);
        return builder.AddAdoNetGrainStorage(name, o => { o.Invariant = Invariant; o.DataSource = dataSource; });
    }

    /// <summary>Reminders in orleans_reminders.</summary>
    public static ISiloBuilder UsePostgreSqlReminderService(this ISiloBuilder builder, NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        return builder.UseAdoNetReminderService(o => { o.Invariant = Invariant; o.DataSource = dataSource; });
    }

    /// <summary>
    /// Migrates the database with <see cref="SchemaMigrator"/> as the silo's first lifecycle step, so
    /// the providers find their tables and queries; a changed applied file fails the start. The silo records
    /// its build in waba_silo_schema, and contract files wait until every live silo knows them, checked again
    /// every <see cref="SchemaOptions.ContractInterval"/> (docs/adr/0025-expand-contract-schema-changes.md).
    /// </summary>
    public static ISiloBuilder AddPostgreSqlSchemaMigration(this ISiloBuilder builder, NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        builder.Services.AddOptions<SchemaOptions>().BindConfiguration(SchemaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton<DeltaLogKeys>();
        builder.Services.AddSingleton(sp =>
        {
            var silo = sp.GetRequiredService<ILocalSiloDetails>().SiloAddress;
            var gate = new ContractGate(new SiloSchemaRow(silo.Endpoint.Address.ToString(), silo.Endpoint.Port, silo.Generation),
                sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetRequiredService<IOptions<SchemaOptions>>().Value.LiveSiloHorizon);
            var migrator = new SchemaMigrator(dataSource, SchemaScript.Embedded, sp.GetRequiredService<ILogger<SchemaMigrator>>(), gate);
            sp.GetService<IMeterFactory>()?.Create(TelemetryNames.Meter).CreateObservableGauge("waba.schema.contracts_pending",
                () => migrator.PendingContracts.Count, "{file}", "Contract schema files this silo holds back because a live silo's build does not know them.");
            return migrator;
        });
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp =>
            new SchemaMigrationParticipant(sp.GetRequiredService<SchemaMigrator>(), sp.GetRequiredService<DeltaLogKeys>(), dataSource));
        builder.Services.AddHostedService(sp => new ContractSchemaService(sp.GetRequiredService<SchemaMigrator>(), sp.GetRequiredService<DeltaLogKeys>(),
            dataSource, sp.GetRequiredService<IOptions<SchemaOptions>>(), sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<SchemaMigrator>>()));
        return builder;
    }
}
