namespace WabaActors.Contracts.Webhooks;

/// <summary>
/// <c>message_template_status_update</c> (<see cref="Event"/> set) or <c>template_category_update</c>
/// (<see cref="Category"/> = <c>new_category</c>, no event), with Meta's values as sent:
/// <c>message_template_name</c>, <c>message_template_language</c>, <c>message_template_category</c>,
/// <c>other_info.title</c> (FIRST_PAUSE, SECOND_PAUSE, …) as <see cref="PauseTitle"/>, and the entry's
/// <c>time</c> as <see cref="At"/> (the pause starts then).
/// </summary>
[GenerateSerializer, Immutable, Alias("waba.TemplateWebhook")]
public sealed record TemplateWebhook(
    string Digest,
    [property: Id(0)] string Name,
    [property: Id(1)] string Language,
    [property: Id(2)] string? Event,
    [property: Id(3)] string? Category,
    [property: Id(4)] DateTimeOffset? At) : AccountWebhook(Digest)
{
    [Id(5)] public string? PauseTitle { get; init; }
}
