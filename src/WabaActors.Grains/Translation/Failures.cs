using WabaActors.Contracts.Common;
using WabaActors.Domain.Common;

namespace WabaActors.Grains.Translation;

internal static class Failures
{
    public static Failure ToFailure(this DomainError error) => new(error.Code, error.Message)
    {
        Errors = error.Errors,
        RetryAt = error.RetryAt,
        AttemptsLeft = error.AttemptsLeft,
        Step = error.Step is { } step ? (int)step : null,
    };

    public static Failure AccountNotFound { get; } = Failure.NotFound("The account");

    public static Failure NumberNotFound { get; } = Failure.NotFound("The number");
}
