using WabaActors.Domain.Messaging;
using WabaActors.Domain.Rules;

namespace WabaActors.Domain.Tests.MessagingSupport;

/// <summary>Customer windows with the document's figures: a 24 h window, 5 min of tolerated clock skew.</summary>
public static class Windows
{
    public static CustomerWindows New() =>
        new(WabaRules.Document.ServiceWindow, WabaRules.Document.FutureTimestampTolerance);
}
