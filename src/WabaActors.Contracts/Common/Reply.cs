namespace WabaActors.Contracts.Common;

/// <summary>A grain's answer to a command: the value, or the <see cref="Failure"/> that refused it.</summary>
[GenerateSerializer, Immutable, Alias("waba.Reply`1")]
public sealed record Reply<T>([property: Id(0)] T? Value, [property: Id(1)] Failure? Failure)
{
    /// <summary>True when the command created the resource (HTTP 201).</summary>
    [Id(2)] public bool Created { get; init; }

    /// <summary>Warnings that did not refuse the command (e.g. <c>ivr_may_block_voice_call</c>).</summary>
    [Id(3)] public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>True when the command repeated one already applied (a redelivered message id): nothing changed.</summary>
    [Id(4)] public bool Repeat { get; init; }

    public bool IsSuccess => Failure is null;

    public static Reply<T> Ok(T value, bool created = false) => new(value, null) { Created = created };

    public static Reply<T> Fail(Failure failure) => new(default, failure);

    public static implicit operator Reply<T>(Failure failure) => Fail(failure);

    public static implicit operator Reply<T>(T value) => Ok(value);
}
