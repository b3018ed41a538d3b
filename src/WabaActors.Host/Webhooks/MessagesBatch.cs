using WabaActors.Contracts.Messaging;

namespace WabaActors.Host.Webhooks;

/// <summary>
/// A <c>messages</c> (or <c>calls</c>) change as the number grain takes it: the business number it
/// reached (<c>metadata.display_phone_number</c> digits), the customers' messages and calls (open
/// windows), the 131047 failures (close them), and the links between two ids of one person it teaches
/// (docs/adr/0020-customers-are-people.md). <see cref="Unknown"/> holds values the service does not
/// know (logged and counted), <see cref="OpenNothing"/> what was read and deliberately opens nothing
/// (logged); items that lack what they need are counted in <see cref="Unreadable"/>, ids that are
/// neither a phone nor a BSUID (left out) in <see cref="Malformed"/>.
/// </summary>
public sealed record MessagesBatch(
    string Phone,
    IReadOnlyList<InboundMessage> Inbound,
    IReadOnlyList<WindowClose> Closes,
    int Unreadable,
    int Malformed,
    IReadOnlyList<CustomerLinkRequest> Links,
    IReadOnlyList<UnknownValue> Unknown,
    IReadOnlyList<string> OpenNothing)
{
    public bool IsEmpty => Inbound.Count == 0 && Closes.Count == 0 && Links.Count == 0;
}
