namespace WabaActors.Grains.Gateway;

/// <summary>A gateway's answer: the <see cref="Value"/>, or the <see cref="Failure"/> that prevented one.</summary>
public sealed record GatewayResult<T>(T? Value, GatewayFailure? Failure)
{
    public bool IsSuccess => Failure is null;

    public static implicit operator GatewayResult<T>(T value) => new(value, null);

    public static implicit operator GatewayResult<T>(GatewayFailure failure) => new(default, failure);
}
