namespace WabaActors.Grains.Numbers;

/// <summary>The gateway call that failed, for the log.</summary>
internal enum GatewayOperation
{
    RequestCode,
    VerifyCode,
    Register,
}
