using System.Text.Json;
using WabaActors.Contracts.Messaging;

namespace WabaActors.Host.Webhooks;

/// <summary>
/// The <c>calls</c> field (docs/adr/0020, section 3). A <c>USER_INITIATED</c> <c>connect</c> is a call
/// from <c>from</c> ?? <c>from_user_id</c> that opens or resets the window, answered or not, at its
/// <c>timestamp</c>; its <c>wacid.…</c> is the message id, so a redelivered connect is a repeat.
/// <c>terminate</c> and business-initiated calls open nothing (Meta's "user accepted" value is
/// unconfirmed) and only teach links; any other event or direction is unknown: logged and counted.
/// </summary>
internal static class CallsReader
{
    public const string Field = "calls";
    public const string UserInitiated = "USER_INITIATED";
    public const string BusinessInitiated = "BUSINESS_INITIATED";

    public static void Read(JsonElement value, MessagesBatchBuilder batch)
    {
        foreach (var call in value.Items("calls"))
        {
            var (@event, direction) = (call.Id("event"), call.Id("direction"));
            if (direction == BusinessInitiated)
            {
                batch.Teach(Person.Sender(call, value, "to"));
                Known(@event, batch, "business-initiated");
                continue;
            }

            if (direction != UserInitiated)
            {
                batch.Unknown("call_direction", direction);
                continue;
            }

            var caller = Person.Sender(call, value);
            if (@event != "connect")
            {
                batch.Teach(caller);
                Known(@event, batch, "user-initiated");
                continue;
            }

            var (id, at) = (call.Id("id"), MetaJson.Instant(call.Text("timestamp")));
            if (id is null || at is null)
            {
                batch.Unreadable();
                continue;
            }

            batch.Inbound(caller, id, at.Value, InboundKind.Call);
        }
    }

    /// <summary>An event that opens nothing: logged as such when Meta documents it, else unknown.</summary>
    private static void Known(string? @event, MessagesBatchBuilder batch, string direction)
    {
        if (@event is "connect" or "terminate")
        {
            batch.OpenNothing($"a {direction} call's {@event}");
        }
        else
        {
            batch.Unknown("call_event", @event);
        }
    }
}
