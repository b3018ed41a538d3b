namespace WabaActors.Contracts.Messaging;

/// <summary>What a template quota did with a request for a recipient slot (the domain's <c>GrantOutcome</c>).</summary>
[GenerateSerializer, Alias("waba.TemplateGrantOutcome")]
public enum TemplateGrantOutcome
{
    /// <summary>A new recipient took a slot (durable before this answer).</summary>
    Counted,

    /// <summary>Already counted in the rolling period: allowed, no new slot.</summary>
    AlreadyCounted,

    /// <summary>No slot free until <see cref="TemplateGrant.NextSlotAt"/>.</summary>
    LimitReached,

    /// <summary>This message id was granted before for the same customer: the same answer again.</summary>
    Replayed,

    /// <summary>This message id was granted before for another customer: refused.</summary>
    MessageIdReused,

    /// <summary>The scope's directory links the customer to ids the request did not name (<see cref="TemplateGrant.Aliases"/>): nothing counted; ask again naming them.</summary>
    Resolve,
}

/// <summary>The quota's typed answer to a number: the outcome and the recipient usage it rests on.</summary>
[GenerateSerializer, Immutable, Alias("waba.TemplateGrant")]
public sealed record TemplateGrant(
    [property: Id(0)] TemplateGrantOutcome Outcome,
    [property: Id(1)] int Used,
    [property: Id(2)] int Limit,
    [property: Id(3)] DateTimeOffset? NextSlotAt)
{
    /// <summary>For <see cref="TemplateGrantOutcome.Resolve"/>: the person's other ids, as text.</summary>
    [Id(4)]
    public IReadOnlyList<string> Aliases { get; init; } = [];
}
