namespace WabaActors.Domain.Onboarding;

/// <summary>Meta's <c>ban_info.waba_ban_state</c> of an <c>account_update</c> DISABLED_UPDATE.</summary>
public enum BanState
{
    /// <summary><c>SCHEDULE_FOR_DISABLE</c>: a warning; nothing is blocked yet.</summary>
    ScheduleForDisable,

    /// <summary><c>DISABLE</c>: the account is banned; every send is denied.</summary>
    Disable,

    /// <summary><c>REINSTATE</c>: the ban is lifted.</summary>
    Reinstate,
}

public static class BanStates
{
    /// <summary>Meta's <c>waba_ban_state</c> (any case); null when it is none of the three.</summary>
    public static BanState? Parse(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "SCHEDULE_FOR_DISABLE" => BanState.ScheduleForDisable,
        "DISABLE" => BanState.Disable,
        "REINSTATE" => BanState.Reinstate,
        _ => null,
    };
}
