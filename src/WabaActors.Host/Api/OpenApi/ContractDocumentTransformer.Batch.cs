using Microsoft.OpenApi;
using WabaActors.Contracts.Messaging;

namespace WabaActors.Host.Api.OpenApi;

/// <summary>The entry of a batch of permits' answer: a decision or a problem, as one object type.</summary>
internal sealed partial class ContractDocumentTransformer
{
    public const string BatchEntrySchema = "PermitBatchEntry";

    /// <summary>
    /// A decision or a problem share no discriminator, and a generated client fills neither member of a
    /// <c>oneOf</c> without one: the entry is one object with the properties of both (the decision's where
    /// both have one), none required; <c>code</c> is present on a problem only.
    /// </summary>
    private static void DeclareBatchEntry(IDictionary<string, IOpenApiSchema> schemas)
    {
        var properties = new Dictionary<string, IOpenApiSchema>(Object(schemas, nameof(PermitDecision)).Properties!, StringComparer.Ordinal);
        foreach (var (name, value) in Object(schemas, ContractOperationTransformer.ProblemSchema).Properties!)
        {
            properties.TryAdd(name, value);
        }

        schemas[BatchEntrySchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "One permit of a batch, in the order asked: its decision (`allowed`, `messageId` … as a single permit answers), or, " +
                "when `code` is present, the problem the single call would answer for it (`validation_failed`, `message_id_reused`; `status` as that call's).",
            Properties = properties,
        };
    }
}
