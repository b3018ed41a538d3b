using Microsoft.Extensions.Logging;
using WabaActors.Grains.Telemetry;

namespace WabaActors.Grains.Numbers;

/// <summary>The inbound path's entries (ADR 0017), next to the number's others in NumberLog.cs.</summary>
internal static partial class NumberLog
{
    // The id itself is not logged: Meta's wamid encodes the customer's phone number.
    [LoggerMessage(EventId = WabaEventId.NumberInboundRepeated, Level = LogLevel.Debug, Message = "Number {PhoneHash}: inbound message {Digest:x16} repeated; nothing changed")]
    public static partial void InboundRepeated(ILogger logger, string phoneHash, long digest);

    // Customer ids are personal data: neither is logged, only that a link was taught or looked up.
    [LoggerMessage(EventId = WabaEventId.NumberLinkTaught, Level = LogLevel.Debug, Message = "Number {PhoneHash}: taught a link between two ids of one customer to {QuotaKey}")]
    public static partial void LinkTaught(ILogger logger, string phoneHash, string quotaKey);

    [LoggerMessage(EventId = WabaEventId.NumberLinksLookedUp, Level = LogLevel.Debug, Message = "Number {PhoneHash}: asked {QuotaKey} for a customer's other ids; {Aliases} known")]
    public static partial void LinksLookedUp(ILogger logger, string phoneHash, string quotaKey, int aliases);
}
