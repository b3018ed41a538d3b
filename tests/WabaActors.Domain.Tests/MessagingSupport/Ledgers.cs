using WabaActors.Domain.Messaging;
using WabaActors.Domain.Rules;

namespace WabaActors.Domain.Tests.MessagingSupport;

/// <summary>Permit ledgers keeping grants the document's 24 h.</summary>
public static class Ledgers
{
    public static PermitLedger New() => new(WabaRules.Document.GrantRetention);
}
