namespace WabaActors.Domain.Onboarding;

public enum AccountStatus
{
    /// <summary>Steps 1–4 not yet finished: no number registered.</summary>
    Onboarding,

    /// <summary>A number is registered; the account may send.</summary>
    Live,

    /// <summary>The commerce-policy review rejected it (or Meta disabled it): every send is denied.</summary>
    Blocked,

    /// <summary>Meta deleted, unshared or offboarded the WABA: every send is denied until it reconnects.</summary>
    Disconnected,
}
