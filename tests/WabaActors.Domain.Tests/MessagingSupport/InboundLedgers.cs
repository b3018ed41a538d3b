using WabaActors.Domain.Messaging;
using WabaActors.Domain.Rules;

namespace WabaActors.Domain.Tests.MessagingSupport;

/// <summary>Inbound ledgers remembering ids the document's service window, with windows to record into.</summary>
public static class InboundLedgers
{
    public static InboundLedger New() => new(WabaRules.Document.ServiceWindow);

    public static (InboundLedger Ledger, CustomerWindows Windows) WithWindows() => (New(), Windows.New());
}
