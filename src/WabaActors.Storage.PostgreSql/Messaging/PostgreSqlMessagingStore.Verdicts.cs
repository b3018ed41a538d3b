using WabaActors.Domain.Verdicts;
using WabaActors.Grains.Storage;

namespace WabaActors.Storage.PostgreSql;

/// <summary>Verdicts on a number's customers and its service allowance (schema 010).</summary>
public sealed partial class PostgreSqlMessagingStore
{
    public ValueTask AppendVerdictAsync(string phone, CustomerVerdict verdict, CancellationToken ct = default) =>
        throw new NotImplementedException("schema 010");

    public ValueTask SaveAllowanceAsync(string phone, ServiceAllowanceCount allowance, CancellationToken ct = default) =>
        throw new NotImplementedException("schema 010");
}
