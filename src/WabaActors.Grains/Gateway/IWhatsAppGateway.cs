using WabaActors.Domain.Numbers;

namespace WabaActors.Grains.Gateway;

/// <summary>
/// The way to WhatsApp (through 360dialog) for number registration (ADR 0010). The provider sends
/// and checks the code; the grain feeds each answer to the domain, which keeps the rules (cool-down,
/// attempts, expiry, lock). Every call answers a value or a <see cref="GatewayFailure"/>, never throws
/// for anything the remote side does; a failure changes no state and spends no attempt.
/// The embedded default is <see cref="SimulatedWhatsAppGateway"/>.
/// </summary>
public interface IWhatsAppGateway
{
    /// <summary>Has a code sent to <paramref name="phone"/> by SMS or voice; answers the code when the gateway knows it (the simulator), else null.</summary>
    Task<GatewayResult<IssuedCode>> RequestCodeAsync(string phone, VerificationMethod method, int codeLength, CancellationToken ct = default);

    /// <summary>
    /// Checks <paramref name="code"/>; <paramref name="issued"/> is what <see cref="RequestCodeAsync"/> answered
    /// for the pending code (a gateway that keeps codes itself ignores it).
    /// </summary>
    Task<GatewayResult<CodeVerdict>> VerifyCodeAsync(string phone, string code, IssuedCode issued, CancellationToken ct = default);

    /// <summary>Registers the verified number with WhatsApp (billing starts here).</summary>
    Task<GatewayResult<Registered>> RegisterAsync(string phone, CancellationToken ct = default);

    /// <summary>The number's channel: its status and when billing started, as the provider tells it.</summary>
    Task<GatewayResult<ChannelStatus>> GetChannelAsync(string phone, CancellationToken ct = default);
}
