using WabaActors.Contracts.Messaging;
using WabaActors.Domain.Identity;

namespace WabaActors.Host.Webhooks;

/// <summary>
/// Collects one change's <see cref="MessagesBatch"/>: each link once, and none an inbound message
/// already carries. An id that is neither a phone nor a BSUID is left out (counted in
/// <see cref="MessagesBatch.Malformed"/>), so a bad BSUID beside a good phone costs no window.
/// </summary>
internal sealed class MessagesBatchBuilder
{
    private readonly List<InboundMessage> _inbound = [];
    private readonly List<WindowClose> _closes = [];
    private readonly List<SendOutcome> _outcomes = [];
    private readonly List<MarketingPreference> _preferences = [];
    private readonly List<(string A, string B)> _links = [];
    private readonly HashSet<(string, string)> _linked = [];
    private readonly HashSet<(string, string)> _carried = [];
    private readonly List<UnknownValue> _unknown = [];
    private readonly List<string> _openNothing = [];
    private int _unreadable;
    private int _malformed;

    /// <summary>A message or call from <paramref name="sender"/>; a phone and a BSUID both naming it travel together (the grain links them).</summary>
    public void Inbound(Person sender, string id, DateTimeOffset at, InboundKind kind = InboundKind.Message, EntryPoint entryPoint = EntryPoint.None)
    {
        sender = Checked(sender);
        if (sender.Customer is not { } customer)
        {
            _unreadable++;
            return;
        }

        var userId = sender.Phone is null ? null : sender.UserId;
        _inbound.Add(new InboundMessage(customer, id, at, userId, kind, entryPoint));
        if (userId is not null)
        {
            _carried.Add(Pair(customer, userId));
        }

        Teach(sender);
    }

    public void Close(string customer, DateTimeOffset at) => _closes.Add(new WindowClose(customer, at));

    /// <summary>A failed send to <paramref name="recipient"/> with Meta's marketing <paramref name="code"/> (131049, 131050).</summary>
    public void Failed(Person recipient, string messageId, int code, DateTimeOffset at)
    {
        if (Checked(recipient) is { Customer: { } customer } person)
        {
            _outcomes.Add(new SendOutcome(messageId, customer, OutcomeStatus.Failed, code, at, person.Phone is null ? null : person.UserId));
        }
        else
        {
            _unreadable++;
        }
    }

    /// <summary>A <c>user_preferences</c> stop or resume of marketing messages by <paramref name="customer"/>.</summary>
    public void Preference(Person customer, bool stop, DateTimeOffset at)
    {
        if (Checked(customer) is { Customer: { } id } person)
        {
            _preferences.Add(new MarketingPreference(id, stop, at, person.Phone is null ? null : person.UserId));
        }
        else
        {
            _unreadable++;
        }
    }

    /// <summary>What the person's ids teach: phone ↔ BSUID, and BSUID (else phone) ↔ parent BSUID.</summary>
    public bool Teach(Person person)
    {
        person = Checked(person);
        return Link(person.Phone, person.UserId) | Link(person.UserId ?? person.Phone, person.Parent);
    }

    /// <summary>Two ids of one person; false when either is missing or both are the same (nothing to learn).</summary>
    public bool Link(string? customer, string? partner)
    {
        (customer, partner) = (Valid(customer), Valid(partner));
        if (customer is null || partner is null || customer == partner)
        {
            return false;
        }

        if (_linked.Add(Pair(customer, partner)))
        {
            _links.Add((customer, partner));
        }

        return true;
    }

    public void Unknown(string what, string? value) => _unknown.Add(new UnknownValue(what, value ?? "(none)"));

    public void OpenNothing(string what) => _openNothing.Add(what);

    public void Unreadable() => _unreadable++;

    public MessagesBatch Build(string phone) => new(phone, _inbound, _closes, _unreadable, _malformed,
        [.. _links.Where(l => !_carried.Contains(Pair(l.A, l.B))).Select(l => new CustomerLinkRequest(l.A, l.B))],
        _unknown, _openNothing) { Outcomes = _outcomes, Preferences = _preferences };

    private Person Checked(Person person) => new(Valid(person.Phone, phone: true), Valid(person.UserId, phone: false), Valid(person.Parent, phone: false));

    /// <summary><paramref name="id"/> when it is a phone or a BSUID (of the kind asked for, if asked); null, counted, otherwise.</summary>
    private string? Valid(string? id, bool? phone = null)
    {
        if (id is null)
        {
            return null;
        }

        var parsed = CustomerIdentity.Parse(id);
        if (parsed.IsSuccess && (phone is null || parsed.Value.IsPhone == phone))
        {
            return id;
        }

        _malformed++;
        return null;
    }

    private static (string, string) Pair(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
}
