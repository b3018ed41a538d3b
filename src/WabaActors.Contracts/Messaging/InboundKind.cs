namespace WabaActors.Contracts.Messaging;

/// <summary>What the customer did: wrote a message, or started a call. Both open or reset the window.</summary>
[GenerateSerializer, Alias("waba.InboundKind")]
public enum InboundKind
{
    Message,
    Call,
}
