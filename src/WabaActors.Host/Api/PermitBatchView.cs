using WabaActors.Contracts.Messaging;

namespace WabaActors.Host.Api;

/// <summary>
/// A batch's answer: per permit, in the order asked, a <see cref="PermitDecision"/> or the problem the single call
/// would answer (the OpenAPI document says <c>oneOf</c> the two).
/// </summary>
public sealed record PermitBatchView(IReadOnlyList<object> Decisions);
