using WabaActors.Domain.Messaging;
using WabaActors.Domain.Rules;

namespace WabaActors.Domain.Tests.MessagingSupport;

/// <summary>Template recipients over the document's rolling 24 h.</summary>
public static class Recipients
{
    public static TemplateRecipients New() => new(WabaRules.Document.TemplateRecipientPeriod);
}
