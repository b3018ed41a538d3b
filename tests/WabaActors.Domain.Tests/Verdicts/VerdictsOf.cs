using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Templates;
using WabaActors.Domain.Verdicts;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Verdicts;

/// <summary>Customer verdicts with the rules' figures (24 h hold, 365 d stop, 7 d remembered statuses), and the calls the tests make.</summary>
public static class VerdictsOf
{
    public static readonly TimeSpan Hold = WabaRules.Document.MarketingLimitHold;
    public static readonly TimeSpan OptOut = WabaRules.Document.OptOutRetention;
    public static readonly TimeSpan Seen = WabaRules.Document.OutcomeRetention;

    public static CustomerVerdicts New() => new(Hold, OptOut, Seen);

    /// <summary>Meta's failed status with <paramref name="code"/> for the send <paramref name="id"/>, at <paramref name="at"/>, learned at <paramref name="now"/>.</summary>
    public static VerdictStep Failed(this CustomerVerdicts verdicts, string id, CustomerIdentity customer, int code, DateTimeOffset at, DateTimeOffset? now = null) =>
        verdicts.Outcome(Message(id), customer, SendStatus.Failed, code, at, now ?? at);

    /// <summary>The denial of a marketing template to <paramref name="customer"/> (no aliases), or null.</summary>
    public static SendDecision? Marketing(this CustomerVerdicts verdicts, CustomerIdentity customer, DateTimeOffset now, bool windowOpen = false) =>
        verdicts.Check(customer, [], TemplateCategory.Marketing, windowOpen, now);
}
