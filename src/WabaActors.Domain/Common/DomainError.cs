namespace WabaActors.Domain.Common;

/// <summary>
/// An expected refusal: a stable machine-readable <see cref="Code"/> (see <see cref="ErrorCodes"/>),
/// a human message and, where they exist, field errors, the instant a retry may succeed and the
/// verification attempts left. Expected "no"s are data, never exceptions.
/// </summary>
public sealed record DomainError(string Code, string Message)
{
    /// <summary>Field name → messages, for <see cref="ErrorCodes.ValidationFailed"/>.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>When the same request may succeed (a cool-down's end, say).</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>Verification attempts left after a wrong code.</summary>
    public int? AttemptsLeft { get; init; }

    /// <summary>The onboarding step that must be done first, for <see cref="ErrorCodes.StepOutOfOrder"/>.</summary>
    public Onboarding.OnboardingStep? Step { get; init; }

    /// <summary>A validation failure of one field.</summary>
    public static DomainError Invalid(string field, string message) =>
        new(ErrorCodes.ValidationFailed, message) { Errors = new Dictionary<string, string[]> { [field] = [message] } };
}
