using WabaActors.Contracts.Messaging;

namespace WabaActors.Host.Api;

/// <summary>
/// A batch's answer: per permit, in the order asked, a <see cref="PermitDecision"/> or the problem the single call
/// would answer (the OpenAPI document describes an entry as one schema, <c>PermitBatchEntry</c>, with the properties
/// of both: an entry with <c>code</c> is a problem; docs/adr/0023-http-permit-path.md).
/// </summary>
public sealed record PermitBatchView(IReadOnlyList<object> Decisions);
