namespace WabaActors.Domain.Identity;

/// <summary>How Meta named a customer: by phone, by business-scoped user id (BSUID), or by parent BSUID.</summary>
public enum CustomerKind
{
    /// <summary>A WhatsApp user id: the phone's digits.</summary>
    Phone,

    /// <summary>A business-scoped user id, such as <c>US.13491208655302741918</c>: one user in one business portfolio.</summary>
    Bsuid,

    /// <summary>A parent business-scoped user id, such as <c>US.ENT.11815799212886844830</c>: one user across linked portfolios.</summary>
    ParentBsuid,
}
