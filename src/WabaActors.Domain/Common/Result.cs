namespace WabaActors.Domain.Common;

/// <summary>A value or the <see cref="DomainError"/> that explains why there is none.</summary>
public readonly record struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, DomainError? error) => (_value, Error) = (value, error);

    public DomainError? Error { get; }

    public bool IsSuccess => Error is null;

    /// <summary>The value; throws when the result is an error (a bug in the caller).</summary>
    public T Value => Error is null ? _value! : throw new InvalidOperationException($"Result is an error: {Error.Code}");

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(DomainError error) => new(default, error);

    public static implicit operator Result<T>(T value) => Ok(value);

    public static implicit operator Result<T>(DomainError error) => Fail(error);
}
