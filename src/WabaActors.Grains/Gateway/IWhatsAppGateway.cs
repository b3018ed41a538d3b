using WabaActors.Domain.Numbers;

namespace WabaActors.Grains.Gateway;

/// <summary>
/// The way to WhatsApp (through 360dialog) for number registration. The embedded default is
/// <see cref="SimulatedWhatsAppGateway"/>; a 360dialog adapter implements the same contract.
/// </summary>
public interface IWhatsAppGateway
{
    /// <summary>Sends a verification code to <paramref name="phone"/> by SMS or voice; returns the code it sent.</summary>
    Task<string> SendVerificationCodeAsync(string phone, VerificationMethod method, int codeLength, CancellationToken ct = default);
}
