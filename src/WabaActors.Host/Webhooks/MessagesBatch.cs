using WabaActors.Contracts.Messaging;

namespace WabaActors.Host.Webhooks;

/// <summary>
/// A <c>messages</c> (or <c>calls</c>) change as the number grain takes it: the business number it
/// reached (<c>metadata.display_phone_number</c> digits), the customers' messages and calls (open
/// windows), the 131047 failures (close them), the 131049/131050 failures and <c>user_preferences</c> (the
/// marketing verdicts, <see cref="Outcomes"/> and <see cref="Preferences"/>), and the links between two ids of one person it teaches
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
    /// <summary>Meta's per-user marketing verdicts on earlier sends (<c>failed</c> statuses with 131049 or 131050).</summary>
    public IReadOnlyList<SendOutcome> Outcomes { get; init; } = [];

    /// <summary><c>user_preferences</c>: customers who stopped or resumed marketing messages.</summary>
    public IReadOnlyList<MarketingPreference> Preferences { get; init; } = [];

    public bool IsEmpty => Inbound.Count == 0 && Closes.Count == 0 && Links.Count == 0 && Outcomes.Count == 0 && Preferences.Count == 0;
}
