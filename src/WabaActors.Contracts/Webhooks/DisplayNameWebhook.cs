namespace WabaActors.Contracts.Webhooks;

/// <summary>
/// <c>phone_number_name_update</c>: the display-name <c>decision</c> (APPROVED, DECLINED) for the
/// number <see cref="Phone"/> (the digits of <c>display_phone_number</c>), with the <c>rejection_reason</c>
/// and the name Meta decided on (<c>requested_verified_name</c>, when given).
/// </summary>
[GenerateSerializer, Immutable, Alias("waba.DisplayNameWebhook")]
public sealed record DisplayNameWebhook(
    string Digest,
    [property: Id(0)] string Phone,
    [property: Id(1)] string? Decision,
    [property: Id(2)] string? Reason) : AccountWebhook(Digest)
{
    [Id(3)] public string? RequestedName { get; init; }
}
