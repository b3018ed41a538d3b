namespace WabaActors.Domain.Messaging;

/// <summary>What a template quota answered to a request for a recipient slot (<see cref="TemplateQuota.Grant(Identity.MessageId, Identity.CustomerIdentity, ReadOnlySpan{Identity.CustomerIdentity}, int, DateTimeOffset, bool)"/>).</summary>
public enum GrantOutcome
{
    /// <summary>A new recipient took a slot; the grant is to be persisted before it is answered.</summary>
    Counted,

    /// <summary>The customer is already counted in the rolling period: allowed, no new slot.</summary>
    AlreadyCounted,

    /// <summary>The limit is reached: denied until <see cref="RecipientUsage.NextSlotAt"/>.</summary>
    LimitReached,

    /// <summary>This message id was granted before for the same customer: the original grant, answered again.</summary>
    Replayed,

    /// <summary>This message id was granted before for another customer: refused.</summary>
    MessageIdReused,

    /// <summary>
    /// The scope's directory links the customer to ids the number did not name: nothing was counted; the
    /// number looks at those ids' windows and asks again naming them (<see cref="QuotaAnswer.Aliases"/>).
    /// </summary>
    Resolve,
}
