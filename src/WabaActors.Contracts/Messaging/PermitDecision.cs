namespace WabaActors.Contracts.Messaging;

/// <summary>
/// The answer before a send: allowed (with the window's expiry when open and, for templates, the
/// recipients used), or denied with a <c>reason</c> (docs/errors.md) and, where one exists,
/// <c>retryAt</c>. A denial is a normal answer, not an error. A tenant whose gate runs in shadow gets its
/// denials allowed, with <c>shadow</c> naming the denial.
/// </summary>
[GenerateSerializer, Immutable, Alias("waba.PermitDecision")]
public sealed record PermitDecision([property: Id(0)] bool Allowed, [property: Id(1)] string MessageId)
{
    [Id(2)] public DateTimeOffset? WindowExpiresAt { get; init; }
    [Id(3)] public TemplateUsage? TemplateRecipients { get; init; }
    [Id(4)] public DenialReason? Reason { get; init; }
    [Id(5)] public DateTimeOffset? RetryAt { get; init; }
    [Id(6)] public string? Detail { get; init; }

    /// <summary>On every allowed decision: what Meta will bill for the send (docs/api.md, "Pricing"); none on one allowed only in shadow (<c>shadow</c>): it granted nothing.</summary>
    [Id(7)] public Pricing? Pricing { get; init; }

    /// <summary>
    /// Only on a decision allowed because its tenant runs the gate in shadow (WabaActors:Enforcement): the denial
    /// the gate decided (docs/api.md "Shadow mode", docs/adr/0028-shadow-mode.md). Left out of the JSON otherwise.
    /// </summary>
    [Id(8)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ShadowDenial? Shadow { get; init; }
}
