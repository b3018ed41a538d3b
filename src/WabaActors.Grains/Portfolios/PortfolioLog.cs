using Microsoft.Extensions.Logging;
using WabaActors.Grains.Telemetry;

namespace WabaActors.Grains.Portfolios;

/// <summary>Portfolio logs: event ids 6001–6099 (the portfolio grain, and the account and quota grains about their portfolio).</summary>
internal static partial class PortfolioLog
{
    [LoggerMessage(EventId = WabaEventId.PortfolioClaimed, Level = LogLevel.Information, Message = "Portfolio {BusinessManagerId} claimed by tenant {Tenant}")]
    public static partial void Claimed(ILogger logger, string businessManagerId, string tenant);

    [LoggerMessage(EventId = WabaEventId.PortfolioClaimRefused, Level = LogLevel.Warning, Message = "Portfolio {BusinessManagerId} belongs to another tenant: account {Waba} of tenant {Tenant} was refused")]
    public static partial void ClaimRefused(ILogger logger, string businessManagerId, string waba, string tenant);

    [LoggerMessage(EventId = WabaEventId.PortfolioLimitsChanged, Level = LogLevel.Information, Message = "Portfolio {BusinessManagerId}: {NumbersUsed} of {NumberLimit} numbers, {TemplateLimit} template recipients (version {Version})")]
    public static partial void LimitsChanged(ILogger logger, string businessManagerId, int numbersUsed, int numberLimit, int templateLimit, long version);

    [LoggerMessage(EventId = WabaEventId.PortfolioJoined, Level = LogLevel.Information, Message = "Portfolio {BusinessManagerId}: account {Waba} joined")]
    public static partial void Joined(ILogger logger, string businessManagerId, string waba);

    [LoggerMessage(EventId = WabaEventId.PortfolioLeft, Level = LogLevel.Information, Message = "Portfolio {BusinessManagerId}: account {Waba} left")]
    public static partial void Left(ILogger logger, string businessManagerId, string waba);

    [LoggerMessage(EventId = WabaEventId.PortfolioQuotaNotTold, Level = LogLevel.Warning, Message = "Portfolio {BusinessManagerId}: its quota could not be told the limit {TemplateLimit}; told again on the next call")]
    public static partial void QuotaNotTold(ILogger logger, string businessManagerId, int templateLimit, Exception error);

    [LoggerMessage(EventId = WabaEventId.PortfolioMemberNotTold, Level = LogLevel.Warning, Message = "Portfolio {BusinessManagerId}: member {Waba} could not be told the new limits")]
    public static partial void MemberNotTold(ILogger logger, string businessManagerId, string waba, Exception error);

    [LoggerMessage(EventId = WabaEventId.PortfolioUnreachable, Level = LogLevel.Warning, Message = "Account {Waba}: portfolio {BusinessManagerId} could not be reached ({Operation}); its count stays on the safe side and is corrected by the next report")]
    public static partial void Unreachable(ILogger logger, string waba, string businessManagerId, string operation, Exception error);

    [LoggerMessage(EventId = WabaEventId.PortfolioFactsRefused, Level = LogLevel.Warning, Message = "Account {Waba}: portfolio {BusinessManagerId} refused its facts ({Code}); the Business Manager id was named before it was claimed by another tenant")]
    public static partial void FactsRefused(ILogger logger, string waba, string businessManagerId, string code);

    [LoggerMessage(EventId = WabaEventId.PortfolioLimitUnread, Level = LogLevel.Warning, Message = "Template quota {QuotaKey}: the portfolio's limit could not be read; deciding with {Limit}, the limit the member's number passed")]
    public static partial void LimitUnread(ILogger logger, string quotaKey, int limit, Exception error);
}
