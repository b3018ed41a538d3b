namespace WabaActors.Domain.Tests.Properties;

/// <summary>
/// The rules of docs/api.md "Messaging" written again from scratch, as plainly as possible and with no
/// domain type: every inbound message and every 131047 is kept in a list; a window is the latest
/// (timestamp + 24 h) over the customer's messages newer than their latest close; counted
/// recipients and grants are lists scanned linearly. Slow, obviously right, and independent.
/// </summary>
public sealed class ReferenceModel(int limit)
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);
    private static readonly TimeSpan SessionHorizon = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    private readonly List<(long Customer, DateTimeOffset Timestamp)> _messages = [];
    private readonly List<(long Customer, DateTimeOffset At)> _closes = [];
    private readonly List<(long Customer, DateTimeOffset At)> _counted = [];
    private readonly List<(string Id, long Customer, bool Template, DateTimeOffset At, string Answer)> _grants = [];

    public string Inbound(long customer, DateTimeOffset timestamp, DateTimeOffset now)
    {
        if (timestamp > now + Skew)
        {
            return Answer.Refused("timestamp_in_future");
        }

        _messages.Add((customer, timestamp));
        return Answer.Accepted;
    }

    public void Close(long customer, DateTimeOffset at) => _closes.Add((customer, at));

    public (bool Open, DateTimeOffset? ExpiresAt) Window(long customer, DateTimeOffset now)
    {
        var lastClose = DateTimeOffset.MinValue;
        foreach (var close in _closes)
        {
            if (close.Customer == customer && close.At > lastClose)
            {
                lastClose = close.At;
            }
        }

        DateTimeOffset? expires = null;
        foreach (var message in _messages)
        {
            if (message.Customer == customer && message.Timestamp > lastClose && (expires is null || message.Timestamp + Day > expires))
            {
                expires = message.Timestamp + Day;
            }
        }

        return expires > now ? (true, expires) : (false, null);
    }

    public string Permit(string id, long customer, bool template, DateTimeOffset now)
    {
        foreach (var grant in _grants)
        {
            // A template grant is replayed for 24 h; a session grant only within the session replay horizon.
            if (grant.Id == id && grant.At > now - (grant.Template ? Day : SessionHorizon))
            {
                return grant.Customer == customer && grant.Template == template ? grant.Answer : Answer.Refused("message_id_reused");
            }
        }

        var (open, expires) = Window(customer, now);
        var inPeriod = _counted.Where(c => c.At > now - Day).ToList();
        string answer;
        if (!template)
        {
            answer = open
                ? Answer.Decision(true, "None", null, expires, null, null)
                : Answer.Decision(false, "CustomerServiceWindowClosed", null, null, null, null);
        }
        else if (open)
        {
            // A reply inside the window: no recipient is counted, so no usage is told.
            answer = Answer.Decision(true, "None", null, expires, null, null);
        }
        else if (inPeriod.Any(c => c.Customer == customer))
        {
            answer = Answer.Decision(true, "None", null, null, inPeriod.Count, limit);
        }
        else if (inPeriod.Count >= limit)
        {
            var oldest = inPeriod.Min(c => c.At);
            return Answer.Decision(false, "TemplateRecipientLimitReached", oldest + Day, null, inPeriod.Count, limit);
        }
        else
        {
            _counted.Add((customer, now));
            answer = Answer.Decision(true, "None", null, null, inPeriod.Count + 1, limit);
        }

        if (answer.StartsWith("allowed", StringComparison.Ordinal))
        {
            _grants.RemoveAll(g => g.Id == id);
            _grants.Add((id, customer, template, now, answer));
        }

        return answer;
    }
}
