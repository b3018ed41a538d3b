using WabaActors.Domain.Common;
using WabaActors.Domain.Onboarding;

namespace WabaActors.Grains.Translation;

/// <summary>Meta's display-name decisions (webhooks, upper case) → the contract's decisions; null when the value is not one.</summary>
internal static class MetaDecisions
{
    /// <summary><c>phone_number_name_update.decision</c> → <c>approved</c>/<c>rejected</c>.</summary>
    public static string? DisplayName(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "APPROVED" => "approved",
        "DECLINED" or "REJECTED" => "rejected",
        _ => null,
    };

    /// <summary>Meta writes "NONE" when there is no rejection reason; a reason the contract cannot hold is dropped, not the decision.</summary>
    public static string? Reason(string? value) =>
        value is null || value.Trim().Equals("NONE", StringComparison.OrdinalIgnoreCase) ? null
        : Text.ParseOptional(value, "reason") is { IsSuccess: true } parsed ? parsed.Value : null;
}
