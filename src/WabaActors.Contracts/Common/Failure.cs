namespace WabaActors.Contracts.Common;

/// <summary>
/// Why a command was refused: the contract's stable <see cref="Code"/> (see
/// <c>WabaActors.Domain.Common.ErrorCodes</c>), a message, and the details some codes carry.
/// </summary>
[GenerateSerializer, Immutable, Alias("waba.Failure")]
public sealed record Failure([property: Id(0)] string Code, [property: Id(1)] string Message)
{
    /// <summary>Field → messages, for <c>validation_failed</c>.</summary>
    [Id(2)] public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>When the same request may succeed.</summary>
    [Id(3)] public DateTimeOffset? RetryAt { get; init; }

    /// <summary>Verification attempts left, for <c>invalid_verification_code</c>.</summary>
    [Id(4)] public int? AttemptsLeft { get; init; }

    /// <summary>The onboarding step to do first, for <c>step_out_of_order</c>.</summary>
    [Id(5)] public int? Step { get; init; }

    public static Failure NotFound(string what) => new("not_found", $"{what} was not found.");
}
